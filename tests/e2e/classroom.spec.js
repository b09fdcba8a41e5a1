// The classroom loop with files only, each person in a browser of their own: a teacher makes an
// assignment and its key, three students hand in different work, one checks it against the key,
// the teacher collects all three (and refuses what does not belong), and a comment goes back.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const TITLE = 'Who denies what';
const ARTICLE_TITLE = 'Iran Addresses Controversial Allegations of Missile Transfers to Russia';
// The key: a denial, a sanction and a claim, by their first and last words.
const DENIAL = ['Iran vehemently denies', 'ballistic missiles to Russia', '2'];
const SANCTION = ['New sanctions announced', 'by Western allies', '3'];
const CLAIM = ['U.S. and Britain accuse', 'for use in Ukraine', '1'];
const EXTRA = ['Iran dismisses allegations', 'Iran dismisses allegations', '1'];

/** A browser of its own, failing the test on any request that leaves the app's origin. */
async function person(browser, baseURL) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(baseURL).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) throw new Error(`a request left the page: ${url}`);
  });
  const outside = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  return { context, page, outside };
}

/** Fleiss' κ over the characters of a text of `length`, each student's value being the set of
 *  labels on a character, counted by hand. */
function fleissKappa(length, students) {
  const values = students.map((annotations) => {
    const sets = Array.from({ length }, () => new Set());
    for (const a of annotations) for (let at = a.start; at < a.end; at++) sets[at].add(a.label);
    return sets.map((set) => [...set].sort().join('+'));
  });
  const categories = [...new Set(values.flat())];
  const n = students.length;
  let agreement = 0;
  const totals = new Map(categories.map((c) => [c, 0]));
  for (let at = 0; at < length; at++) {
    const counts = new Map();
    for (const person of values) counts.set(person[at], (counts.get(person[at]) || 0) + 1);
    let squares = 0;
    for (const [category, count] of counts) { squares += count * count; totals.set(category, totals.get(category) + count); }
    agreement += (squares - n) / (n * (n - 1));
  }
  const mean = agreement / length;
  const chance = [...totals.values()].reduce((sum, t) => sum + (t / (length * n)) ** 2, 0);
  return (mean - chance) / (1 - chance);
}

/** The fair scheme's F1 counted by hand: spans equal in boundaries and label, each once. */
function fairF1(key, marked) {
  const same = (a, b) => a.start === b.start && a.end === b.end && a.label === b.label;
  const correct = marked.filter((m) => key.some((k) => same(k, m))).length;
  const precision = marked.length ? correct / marked.length : 0;
  const recall = key.length ? correct / key.length : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

test('an assignment goes out, three students hand in, feedback and comments come back', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  let teacher, t, keyless, assignment, key, work, students, studentPages, ada, feedback, grace, graceFeedback, bad, older, status, table, agreement, length, fleiss, pairs, adaGrace, perArticle, marked, claims, dots, heat, adaGraceKappa, column, adaRow, disagreement, top, said, discussion, quote, paragraphs, full, at, names, counts, nothing, parts, counted, stretch, gradebook, rows, report, lines, f1Line, board, comments, back;
  await test.step('the teacher makes the assignment and its key', async () => {
    teacher = await person(browser, baseURL);
    t = teacher.page;
    await h.freshStart(t);
    await t.getByRole('button', { name: 'Teacher' }).click();
    await t.getByRole('button', { name: 'New assignment' }).click();
    await t.getByRole('textbox', { name: 'Assignment title' }).fill(TITLE);
    await t.getByRole('textbox', { name: 'Instructions' }).fill('Mark every claim, denial and sanction.');
    await t.getByRole('textbox', { name: 'Instructions' }).press('Tab');
    // The teacher's own hint for one label; the others have none (no built-in hint to contradict her).
    await t.getByRole('textbox', { name: 'Hint for Denial (said in feedback; optional)' }).fill('Who rejects what, and do they really?');
    await t.getByRole('textbox', { name: 'Hint for Denial (said in feedback; optional)' }).press('Tab');
    await expect(t.getByRole('checkbox', { name: ARTICLE_TITLE })).toBeChecked();
    await t.getByRole('button', { name: 'Annotate the key' }).click();
    await expect(t.getByRole('region', { name: 'Answer key' })).toBeVisible();
    for (const span of [DENIAL, SANCTION, CLAIM]) await h.label(t, span);
    await expect(h.annotationItems(t)).toHaveCount(3);
    await t.getByRole('button', { name: 'Back to the teacher view' }).click();
    await expect(t.getByText('The key holds 3 spans: 1 Claim, 1 Denial, 1 Sanction.')).toBeVisible();
  });
  await test.step('the student copies: without the key, and with it', async () => {
    // A student copy without the key holds none of it.
    keyless = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
    expect(keyless.name).toBe('Who-denies-what.glossa-assignment.json');
    for (const [from] of [DENIAL, SANCTION, CLAIM]) expect(keyless.text).not.toContain(from);
    expect(JSON.parse(keyless.text).key).toEqual({ mode: 'kept' });
    // The copy for the class carries the key.
    await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
    assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
    key = JSON.parse(assignment.text).key.annotations[h.ARTICLE];
    expect(key.map((a) => a.label).sort()).toEqual(['claim', 'denial', 'sanction']);
  });
  await test.step('three students hand in, each in a browser of their own', async () => {
    // Three students, each in a browser of their own.
    work = {};
    students = { Ada: [DENIAL, SANCTION, CLAIM], Grace: [DENIAL, [CLAIM[0], CLAIM[1], '2']], Alan: [EXTRA] };
    studentPages = {};
    for (const [name, spans] of Object.entries(students)) {
      const student = await person(browser, baseURL);
      const s = student.page;
      studentPages[name] = student;
      await s.goto('./');
      await s.getByLabel('Import JSON').setInputFiles(assignment.path);
      await expect(s.getByRole('region', { name: 'Assignment' })).toContainText('Mark every claim, denial and sanction.');
      await expect(s.getByRole('toolbar', { name: 'Labels' }).getByRole('button')).toHaveCount(3);
      await h.articleReady(s);
      for (const span of spans) await h.label(s, span);
      await expect(h.annotationItems(s)).toHaveCount(spans.length);
      await expect(s.getByRole('region', { name: 'Assignment' })).toContainText(`${spans.length} annotations`);
      // A hand-in needs a name.
      await s.getByRole('button', { name: 'Hand in' }).click();
      await expect(s.getByRole('alert')).toContainText('Write your name');
      await s.getByRole('textbox', { name: 'Your name' }).fill(name);
      await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
      const handIn = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
      expect(handIn.name).toBe(`Who-denies-what-${name}.glossa-work.json`);
      work[name] = handIn;
    }
  });
  await test.step('Ada checks her work and finds everything; it survives a reload', async () => {
    // Ada checks her work: the feedback says, in words and figures, that she found everything.
    ada = studentPages.Ada.page;
    await ada.getByRole('button', { name: 'Check my work' }).click();
    feedback = ada.getByRole('region', { name: 'Feedback' });
    await expect(feedback).toContainText('You found 1 of the 1 denials.');
    await expect(feedback.getByRole('row', { name: /Overall/ })).toContainText('1.00');
    await expect(feedback.getByRole('button', { name: /Hit/ })).toHaveCount(3);
    await expect(ada.locator('article mark[data-tags*="✓ Hit"]')).toHaveCount(3);
    // Her work survives a reload, in the assignment, apart from her own.
    await ada.reload();
    await expect(ada.getByRole('region', { name: 'Assignment' })).toBeVisible();
    await expect(h.annotationItems(ada)).toHaveCount(3);
    await ada.getByRole('button', { name: 'Back to my own work' }).click();
    await expect(h.annotationItems(ada)).toHaveCount(0);
  });
  await test.step('Grace’s check shows a miss and a label difference', async () => {
    // Grace's check shows a miss and a label difference, each reachable by keyboard.
    grace = studentPages.Grace.page;
    await grace.getByRole('button', { name: 'Check my work' }).click();
    graceFeedback = grace.getByRole('region', { name: 'Feedback' });
    await expect(graceFeedback.getByRole('button', { name: /Missed/ })).toHaveCount(1);
    await expect(graceFeedback.getByRole('button', { name: /Label differs/ })).toHaveCount(1);
    // The sentences say what the table says, under the fair scheme, and the figures are explained.
    await expect(graceFeedback.getByRole('combobox', { name: 'Matching scheme' })).toHaveValue('fair');
    await expect(graceFeedback.getByRole('listitem').filter({ hasText: 'You found' })).toHaveText(['You found 0 of the 1 claims.', 'You found 1 of the 1 denials.', 'You found 0 of the 1 sanctions.']);
    await expect(graceFeedback).toContainText('1 of your 2 denials is not in the key as marked. Who rejects what, and do they really?');
    await expect(graceFeedback.getByRole('row', { name: /^Denial/ }).getByRole('cell')).toHaveText(['0.50', '1.00', '0.67', '2', '1']);
    await expect(graceFeedback).toContainText('Recall: how much of the key you found.');
    await expect(grace.locator('article mark.missed')).not.toHaveCount(0);
  });
  await test.step('the teacher collects, refusing what does not belong', async () => {
    // The teacher collects, with files that must be refused: another assignment, a changed text,
    // no name, and Grace twice.
    bad = (name, change) => {
      const json = JSON.parse(work.Ada.text);
      change(json);
      return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) };
    };
    older = JSON.parse(work.Grace.text);
    older.handed_in_at = '2020-01-01T00:00:00.000Z';
    older.documents[0].annotations = [];
    await t.getByLabel('Collect work').setInputFiles([
      ...['Ada', 'Grace', 'Alan'].map((name) => ({ name: work[name].name, mimeType: 'application/json', buffer: Buffer.from(work[name].text) })),
      bad('other.glossa-work.json', (json) => { json.assignment_id = 'another'; json.assignment_title = 'Another'; }),
      bad('tampered.glossa-work.json', (json) => { json.documents[0].text_sha256 = '0'.repeat(64); }),
      bad('nameless.glossa-work.json', (json) => { json.student = ' '; }),
      { name: 'grace-old.glossa-work.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(older)) },
      // The teacher's own student copy, taken for a hand-in.
      { name: assignment.name, mimeType: 'application/json', buffer: Buffer.from(assignment.text) },
    ]);
    status = t.getByRole('status');
    await expect(status).toContainText('Collected 3 hand-ins');
    await expect(status).toContainText('“other.glossa-work.json” was not taken: it is work for another assignment');
    await expect(status).toContainText('“tampered.glossa-work.json” was not taken');
    await expect(status).toContainText('“nameless.glossa-work.json” was not taken: it carries no student name');
    await expect(status).toContainText('Grace handed in twice');
    await expect(status).toContainText(`“${assignment.name}” was not taken: it is the assignment file, not a hand-in`);
    table = t.getByRole('table', { name: 'Class results' });
    await expect(table.getByRole('row')).toHaveCount(4);
    for (const name of Object.keys(students)) {
      const marked = JSON.parse(work[name].text).documents[0].annotations;
      const expected = fairF1(key, marked).toFixed(2);
      await expect(table.getByRole('row', { name: new RegExp(name) }).getByRole('cell').nth(3)).toHaveText(expected);
    }
    expect([fairF1(key, JSON.parse(work.Grace.text).documents[0].annotations).toFixed(2)]).toEqual(['0.40']);
  });
  await test.step('how much the class agrees: κ, γ, pairs, charts', async () => {
    // How much the class agrees: a sentence to read aloud, the figures behind Agreement in detail.
    await expect(t.getByRole('region', { name: 'How much the class agrees' }).locator('.agreement-in-words')).toHaveText(/^The class .*\.$/);
    await t.getByText('Agreement in detail', { exact: true }).click();
    agreement = t.getByRole('table', { name: 'Agreement' });
    await expect(agreement.getByRole('rowheader')).toHaveText(['Claim', 'Denial', 'Sanction', 'All labels']);
    length = Array.from(h.articleText(h.ARTICLE)).length;
    fleiss = fleissKappa(length, ['Ada', 'Grace', 'Alan'].map((name) => JSON.parse(work[name].text).documents[0].annotations));
    await expect(agreement.getByRole('row', { name: /All labels/ }).getByRole('cell').first()).toContainText(fleiss.toFixed(2));
    // γ, on the spans: a figure with its words (checked against pygamma by the native tests).
    await expect(agreement.getByRole('row', { name: /All labels/ }).getByRole('cell').nth(3)).toHaveText(/^-?\d\.\d\d: .* agreement$/);
    // Each student against the others, one row each; every pair only when asked for.
    await expect(t.getByRole('table', { name: 'Each student against the others' }).getByRole('rowheader')).toHaveCount(3);
    pairs = t.getByRole('table', { name: 'Pairs' });
    await expect(pairs).toHaveCount(0);
    await t.getByText('Every pair (3)', { exact: true }).click();
    adaGrace = fairF1(JSON.parse(work.Ada.text).documents[0].annotations, JSON.parse(work.Grace.text).documents[0].annotations);
    await expect(pairs.getByRole('row', { name: /Ada and Grace/ }).getByRole('cell').nth(1)).toHaveText(adaGrace.toFixed(2));
    // The charts, each with a sentence and a table of its numbers.
    perArticle = t.getByRole('figure', { name: 'Label counts per article' });
    marked = ['Ada', 'Grace', 'Alan'].flatMap((name) => JSON.parse(work[name].text).documents[0].annotations);
    claims = marked.filter((a) => a.label === 'claim').length;
    await expect(perArticle).toContainText(`${marked.length} annotations in 1 article;`);
    await perArticle.getByText('The numbers as a table').click();
    await expect(perArticle.getByRole('table').getByRole('row').nth(1).getByRole('cell').first()).toHaveText(String(claims));
    await expect(perArticle.locator('svg rect')).toHaveCount(3);
    dots = t.getByRole('figure', { name: 'F1 per student' });
    await expect(dots.locator('svg circle')).toHaveCount(3);
    await dots.getByText('The numbers as a table').click();
    await expect(dots.getByRole('row', { name: /Grace/ }).getByRole('cell')).toHaveText('0.40');
    heat = t.getByRole('figure', { name: "Cohen's κ of each pair" });
    await expect(heat.locator('svg rect')).toHaveCount(9);
    await heat.getByText('The numbers as a table').click();
    adaGraceKappa = await pairs.getByRole('row', { name: /Ada and Grace/ }).getByRole('cell').first().textContent();
    column = (await heat.getByRole('columnheader').allTextContents()).indexOf('Grace');
    adaRow = heat.getByRole('row').filter({ has: t.getByRole('rowheader', { name: 'Ada', exact: true }) });
    await expect(adaRow.getByRole('cell').nth(column)).toHaveText(adaGraceKappa.split(':')[0]);

    expect(await h.seriousViolations(t)).toEqual([]);
    disagreement = t.getByRole('region', { name: 'Disagreement' });
    await expect(disagreement.getByRole('button').first()).toContainText(/of 3 marked/);
  });
  await test.step('the disagreement map opens the class discussion at its counts', async () => {
    // The disagreement map: the most disputed passage opens the class discussion at its text, where
    // the band under its paragraph says the same counts, counted here from the hand-ins.
    top = disagreement.getByRole('button').first();
    said = await top.textContent();
    await top.click();
    discussion = t.getByRole('region', { name: 'Class discussion' });
    await expect(discussion).toBeVisible();
    // Quoted in whole words; the stretch itself is selected.
    quote = said.slice(1, said.indexOf('” — ')).replace(/…$/, '');
    await expect.poll(() => t.evaluate(() => window.getSelection().toString().trim().length)).toBeGreaterThan(0);
    const head = (await t.evaluate(() => window.getSelection().toString().trim())).slice(0, 10);
    expect(quote).toContain(head);
    paragraphs = await t.getByRole('article').locator('p').count();
    await expect(t.getByRole('article').getByRole('group', { name: /How the class marked paragraph/ })).toHaveCount(paragraphs);
    full = h.articleText(h.ARTICLE);
    expect(full.indexOf(quote)).toBeGreaterThanOrEqual(0);
    at = Array.from(full.slice(0, full.indexOf(quote) + quote.indexOf(head))).length;
    names = { claim: 'Claim', denial: 'Denial', sanction: 'Sanction' };
    counts = Object.fromEntries(Object.keys(names).map((label) => [label, 0]));
    nothing = 0;
    for (const name of ['Ada', 'Grace', 'Alan']) {
      const on = JSON.parse(work[name].text).documents[0].annotations.filter((a) => a.start <= at && at < a.end);
      for (const label of new Set(on.map((a) => a.label))) counts[label] += 1;
      if (on.length === 0) nothing += 1;
    }
    parts = [...Object.entries(counts).filter(([, n]) => n > 0).map(([label, n]) => [n, names[label]]), ...(nothing ? [[nothing, 'nothing']] : [])];
    counted = `${parts[0][0]} of 3 marked ${parts[0][1]}${parts.slice(1).map(([n, name]) => `, ${n} ${name}`).join('')}`;
    expect(said).toContain(counted);
    stretch = t.getByRole('article').getByRole('button', { name: said });
    await expect(stretch).toHaveAttribute('title', said);
    // The counts are words beside the band too, for a projector and a finger: "2 Denial · 1 none".
    const tallied = [...Object.entries(counts).filter(([, n]) => n > 0).map(([label, n]) => `${n} ${names[label]}`), ...(nothing ? [`${nothing} none`] : [])].join(' · ');
    await expect(t.getByRole('article').getByRole('list', { name: /Disputed in paragraph/ }).getByRole('listitem').filter({ hasText: tallied }).first()).toBeVisible();
    // By keyboard too: focus the stretch, Enter selects its text again.
    await t.evaluate(() => window.getSelection().removeAllRanges());
    await stretch.focus();
    await t.keyboard.press('Enter');
    await expect.poll(() => t.evaluate((quote) => window.getSelection().toString().startsWith(quote), quote)).toBe(true);
    // The key stays hidden until the teacher shows it.
    await expect(t.getByRole('article').locator('mark')).toHaveCount(0);
    expect(await h.seriousViolations(t)).toEqual([]);
    await discussion.getByRole('checkbox', { name: 'Show the answer key' }).check();
    await expect(t.getByRole('article').locator('mark')).not.toHaveCount(0);
    await discussion.getByRole('button', { name: 'Back to the teacher view' }).click();
  });
  await test.step('the gradebook and the class report', async () => {
    // The gradebook: a row per student, the formula in the header.
    gradebook = await h.download(t, () => t.getByRole('button', { name: 'Gradebook CSV' }).click());
    expect(gradebook.name.endsWith('.csv')).toBe(true);
    rows = gradebook.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toContain('score (0–100) = F1 overall (fair) × 100');
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.startsWith('Grace,'))).toMatch(/,0\.400,40\.0$/);

    // The class report: every figure and the class's board in one CSV.
    report = await h.download(t, () => t.getByRole('button', { name: 'Export class report' }).click());
    expect(report.name).toBe('Who-denies-what-class-report.csv');
    lines = report.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('section,label,who,measure,value,in_words,article,start,end,quote,marked_by');
    f1Line = lines.find((l) => l.startsWith('pair,All labels,') && l.includes('Ada') && l.includes('Grace') && l.includes('F1 (fair)'));
    expect(Number(f1Line.split(',')[4]).toFixed(2)).toBe(adaGrace.toFixed(2));
    expect(lines.find((l) => l.startsWith("agreement,All labels,class,Fleiss' kappa,"))).toContain(fleiss.toFixed(6).slice(0, 5));
    board = lines.filter((l) => l.startsWith('board,'));
    expect(board.length).toBeGreaterThan(0);
    expect(board.some((l) => /,[0-9] of 3: /.test(l))).toBe(true);
  });
  await test.step('on the projector no student is named', async () => {
    // On the projector, no student is named.
    await t.getByRole('button', { name: 'Projector mode' }).click();
    await expect(table.getByRole('rowheader')).toHaveText(['Student A', 'Student B', 'Student C']);
    for (const name of Object.keys(students)) await expect(t.locator('body')).not.toContainText(name);
    await expect(t.locator('html')).toHaveAttribute('data-projector', '');
    await t.getByRole('button', { name: 'Projector mode' }).click();
    await expect(table.getByRole('rowheader')).toHaveText(['Ada', 'Alan', 'Grace']);
  });
  await test.step('a comment on Grace’s work goes back to her', async () => {
    // A comment on Grace's work goes back to her.
    await table.getByRole('row', { name: /Grace/ }).getByRole('button', { name: 'Open' }).click();
    await expect(t.getByRole('region', { name: 'Hand-in' })).toContainText('Grace');
    comments = t.getByRole('region', { name: 'Comments for the student' });
    await comments.getByRole('textbox', { name: 'Comment on the whole work' }).fill('Careful reading: now name who speaks.');
    await comments.getByRole('combobox', { name: /^Comment on (their annotation|a passage they missed)/ }).first().fill('Who is speaking here?');
    await comments.getByRole('combobox', { name: /^Comment on (their annotation|a passage they missed)/ }).first().press('Tab');
    back = await h.download(t, () => t.getByRole('region', { name: 'Hand-in' }).getByRole('button', { name: 'Return to student' }).click());
    expect(back.name).toBe('Who-denies-what-Grace.glossa-return.json');
    await grace.getByLabel('Import JSON').setInputFiles(back.path);
    // The comment on the whole work first; each other goes to its passage, naming the article.
    const returned = grace.getByRole('region', { name: 'Comments from your teacher' });
    await expect(returned.getByRole('listitem').first()).toHaveText('On your whole work: Careful reading: now name who speaks.');
    const onPassage = returned.getByRole('button', { name: new RegExp(`^Comment on “.*” in “${ARTICLE_TITLE}”: Who is speaking here\\?$`) });
    await grace.evaluate(() => window.getSelection().removeAllRanges());
    await onPassage.click();
    const commented = JSON.parse(back.text).comments.find((c) => c.text === 'Who is speaking here?');
    await expect.poll(() => grace.evaluate(() => window.getSelection().toString())).toBe(commented.quote);
    // And on its passage in the text: a note under the passage's paragraph, quoting it, that
    // selects it too.
    const note = grace.getByRole('article').getByRole('button', { name: /^Comment: Who is speaking here\? \(on “/ });
    await expect(note).toBeVisible();
    const [passageBottom, noteTop] = await note.evaluate((element) => [
      window.getSelection().getRangeAt(0).getBoundingClientRect().bottom, element.getBoundingClientRect().top]);
    expect(passageBottom).toBeLessThanOrEqual(noteTop + 1);
    await grace.evaluate(() => window.getSelection().removeAllRanges());
    await note.click();
    await expect.poll(() => grace.evaluate(() => window.getSelection().toString())).toBe(commented.quote);
    // Returns reach their student only: Ada's browser refuses Grace's, saying whose it is.
    await ada.getByLabel('Import JSON').setInputFiles({ name: back.name, mimeType: 'application/json', buffer: Buffer.from(back.text) });
    await expect(ada.getByRole('alert')).toContainText("“Who-denies-what-Grace.glossa-return.json” could not be read: it is the return of Grace's work, and this browser's work on it is Ada's.");
    await expect(ada.getByRole('region', { name: 'Comments from your teacher' })).toHaveCount(0);
  });
  await test.step('nothing went anywhere but the app’s own origin', async () => {
    // Nothing went anywhere but the app's own origin.
    for (const someone of [teacher, ...Object.values(studentPages)]) {
      expect(someone.outside).toEqual([]);
      await someone.context.close();
    }
  });
});

test('a locked key opens only with its passphrase', async ({ browser, baseURL }) => {
  const teacher = await person(browser, baseURL);
  const t = teacher.page;
  await h.freshStart(t);
  await t.getByRole('button', { name: 'Teacher' }).click();
  await t.getByRole('button', { name: 'New assignment' }).click();
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  await expect(t.getByRole('region', { name: 'Answer key' })).toBeVisible();
  await h.label(t, DENIAL);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  // This class uses two of the three labels.
  await t.getByRole('checkbox', { name: 'Use Sanction' }).uncheck();
  await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  await t.getByRole('checkbox', { name: 'Lock the key with a passphrase' }).check();
  const field = t.getByLabel('Passphrase for the key');
  await field.fill('blue heron');
  // Masked unless asked for, and never shown on a projector.
  const show = t.getByRole('button', { name: 'Show passphrase' });
  await expect(field).toHaveAttribute('type', 'password');
  await show.click();
  await expect(field).toHaveAttribute('type', 'text');
  await t.getByRole('button', { name: 'Projector mode' }).click();
  await expect(field).toHaveAttribute('type', 'password');
  await expect(show).toBeDisabled();
  await t.getByRole('button', { name: 'Projector mode' }).click();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
  expect(assignment.text).not.toContain(DENIAL[0]);
  expect(JSON.parse(assignment.text).key.mode).toBe('locked');
  expect(JSON.parse(assignment.text).key.sealed.iterations).toBe(600000);

  const student = await person(browser, baseURL);
  const s = student.page;
  await s.goto('./');
  // A file whose key asks for too few rounds (no protection) or too many (Check my work would
  // hang) is refused by name.
  for (const rounds of [1, 2 ** 32 - 1]) {
    const forged = JSON.parse(assignment.text);
    forged.key.sealed.iterations = rounds;
    await s.getByLabel('Import JSON').setInputFiles({ name: 'forged.glossa-assignment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(forged)) });
    await expect(s.getByRole('alert')).toContainText(`“forged.glossa-assignment.json” could not be opened as an assignment: its key's PBKDF2 rounds (${rounds}) are outside`);
    await expect(s.getByRole('region', { name: 'Assignment' })).toHaveCount(0);
  }
  // This student drops the file on the page.
  const transfer = await s.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'assignment.glossa-assignment.json', { type: 'application/json' }));
    return data;
  }, assignment.text);
  await s.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await s.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(s.getByRole('region', { name: 'Assignment' })).toBeVisible();
  await expect(s.getByRole('toolbar', { name: 'Labels' }).getByRole('button')).toHaveText([/Claim/, /Denial/]);
  await h.articleReady(s);
  await h.label(s, DENIAL);
  await s.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
  // A key whose lock takes long (the most rounds a file may ask for) shows its progress, and
  // Cancel lets go of it, and Check my work can be tried again.
  const slow = JSON.parse(assignment.text);
  slow.key.sealed.iterations = 2_000_000;
  const slowStudent = await person(browser, baseURL);
  const slowPage = slowStudent.page;
  // Its lock is held open for a few seconds more than the rounds take, so that the Cancel below
  // is pressed while it opens however quick or loaded the machine (a loaded one once reached it
  // only after the key had already been refused).
  await slowPage.addInitScript(() => {
    const deriveKey = crypto.subtle.deriveKey.bind(crypto.subtle);
    crypto.subtle.deriveKey = (...args) => new Promise((resolve) => setTimeout(resolve, 5_000)).then(() => deriveKey(...args));
  });
  await slowPage.goto('./');
  await slowPage.getByLabel('Import JSON').setInputFiles({ name: 'slow.glossa-assignment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(slow)) });
  await h.articleReady(slowPage);
  await slowPage.getByRole('textbox', { name: 'Your name' }).fill('Alan');
  await slowPage.getByRole('textbox', { name: 'Your name' }).press('Tab');
  await h.download(slowPage, () => slowPage.getByRole('button', { name: 'Hand in' }).click());
  await slowPage.getByLabel('Passphrase').fill('wrong heron');
  await slowPage.getByRole('button', { name: 'Check my work' }).click();
  await expect(slowPage.getByText('Opening the key…')).toBeVisible();
  await expect(slowPage.getByRole('button', { name: 'Check my work' })).toBeDisabled();
  await slowPage.getByRole('button', { name: 'Cancel' }).click();
  await expect(slowPage.getByRole('status')).toContainText('Check my work was cancelled: the key stays locked.');
  await expect(slowPage.getByText('Opening the key…')).toHaveCount(0);
  await expect(slowPage.getByRole('button', { name: 'Check my work' })).toBeEnabled();
  await expect(slowPage.getByRole('region', { name: 'Feedback' })).toHaveCount(0);
  await slowStudent.context.close();

  await s.getByLabel('Passphrase').fill('red heron');
  await s.getByRole('button', { name: 'Check my work' }).click();
  await expect(s.getByRole('alert')).toContainText('The key stays locked');
  await s.getByLabel('Passphrase').fill('blue heron');
  await s.getByRole('button', { name: 'Check my work' }).click();
  await expect(s.getByRole('region', { name: 'Feedback' })).toContainText('You found 1 of the 1 denials.');
  expect([...teacher.outside, ...student.outside]).toEqual([]);
  await teacher.context.close();
  await student.context.close();
});

/** A teacher (whose own work holds a highlight no review draws) with an assignment keyed with the
 *  denial, and Grace's hand-in of a sanction and a claim collected and opened for review. */
async function reviewingGrace(browser, baseURL) {
  const teacher = await person(browser, baseURL);
  const t = teacher.page;
  await h.freshStart(t);
  // The teacher's own work holds a highlight that no review draws.
  await h.label(t, EXTRA);
  await expect(h.annotationItems(t)).toHaveCount(1);
  await t.getByRole('button', { name: 'Teacher' }).click();
  await t.getByRole('button', { name: 'New assignment' }).click();
  await t.getByRole('textbox', { name: 'Assignment title' }).fill(TITLE);
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  await h.label(t, DENIAL);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());

  const student = await person(browser, baseURL);
  const s = student.page;
  await s.goto('./');
  await s.getByLabel('Import JSON').setInputFiles(assignment.path);
  await h.articleReady(s);
  for (const span of [SANCTION, CLAIM]) await h.label(s, span);
  await s.getByRole('textbox', { name: 'Your name' }).fill('Grace');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const handIn = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());

  await t.getByLabel('Collect work').setInputFiles(handIn.path);
  await t.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Grace/ }).getByRole('button', { name: 'Open' }).click();
  await expect(t.getByRole('region', { name: 'Hand-in' })).toContainText('Grace');
  return { teacher, t, student, s, handIn };
}

// What a hand-in's review shows is what the keyboard walks: `]` steps through the student's
// highlights drawn in the article, not through the teacher's own work, which is not drawn there.
test('reviewing a hand-in, ] and [ walk the highlights of the hand-in', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { teacher, t, student } = await reviewingGrace(browser, baseURL);
  const article = t.getByRole('article');
  await expect(article.locator('mark')).not.toHaveCount(0);
  // The hand-in's two highlights, in text order, by their first words.
  const text = h.articleText(h.ARTICLE);
  const inOrder = [SANCTION, CLAIM].sort((a, b) => text.indexOf(a[0]) - text.indexOf(b[0])).map(([from]) => from);
  await article.focus();
  for (const [at, from] of inOrder.entries()) {
    await t.keyboard.press(']');
    await expect(t.getByRole('status')).toContainText(`(${at + 1} of 2)`);
    await expect(article.locator('mark.selected').first()).toContainText(from.split(' ')[0]);
  }
  await t.keyboard.press('[');
  await expect(t.getByRole('status')).toContainText('(1 of 2)');
  for (const someone of [teacher, student]) await someone.context.close();
});

// A teacher's comments are saved as typed: the review is not drawn again around the field being
// typed in, and keys typed there stay in it.
test('comments typed a key at a time keep their text and focus, never reach the shortcuts, and survive a reload', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { teacher, t, student } = await reviewingGrace(browser, baseURL);
  const fields = () => t.getByRole('region', { name: 'Comments for the student' }).getByRole('combobox', { name: /^Comment on (their annotation|a passage they missed)/ });
  const written = ['Who is speaking here? Name them.', 'Good: what was done, not threatened?'];
  for (const [at, text] of written.entries()) {
    await fields().nth(at).click();
    await fields().nth(at).pressSequentially(text, { delay: 20 });
    await expect(fields().nth(at)).toBeFocused();
  }
  await expect(fields().nth(0)).toHaveValue(written[0]);
  await expect(fields().nth(1)).toHaveValue(written[1]);
  // "?" typed in a field is text, not the shortcut list.
  await expect(t.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  // What was written is offered again as the teacher types the next comment: the fields suggest
  // from the comment bank.
  await expect(fields().nth(0)).toHaveAttribute('list', 'comment-bank');
  await expect.poll(() => t.evaluate(() => [...document.querySelectorAll('#comment-bank option')].map((o) => o.value).sort()))
    .toEqual([...written].sort());

  // A reload stays in Grace's hand-in, and the comments are there; so they are after Back and Open.
  await t.reload();
  await expect(fields().nth(0)).toHaveValue(written[0]);
  await t.goBack();
  await t.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Grace/ }).getByRole('button', { name: 'Open' }).click();
  await expect(fields().nth(0)).toHaveValue(written[0]);
  await expect(fields().nth(1)).toHaveValue(written[1]);
  await h.download(t, () => t.getByRole('region', { name: 'Hand-in' }).getByRole('button', { name: 'Return to student' }).click());
  await expect(t.getByRole('status')).toContainText('Saved 2 comments for Grace');
  for (const someone of [teacher, student]) await someone.context.close();
});

// A hand-in is a plain file a student could edit: each annotation is checked against the text as
// an import's are, and one that is not a span of it with its quote is refused by name, so that it
// reaches neither the class's figures nor the report.
test('a hand-in’s spans are checked against the text: one past its end or with an invented quote is refused by name, the rest taken', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { teacher, t, student, handIn } = await reviewingGrace(browser, baseURL);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  const forged = JSON.parse(handIn.text);
  forged.student = 'Mallory';
  const [first] = forged.documents[0].annotations;
  forged.documents[0].annotations.push({ ...first, id: 'beyond', start: 5, end: 99_999 }, { ...first, id: 'invented', quote: 'Iran admits everything' });
  await t.getByLabel('Collect work').setInputFiles({ name: 'mallory.glossa-work.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(forged)) });
  const status = t.getByRole('status');
  await expect(status).toContainText('Of Mallory’s hand-in (“mallory.glossa-work.json”), 2 annotations were refused: annotation “beyond” on “'.replace('’', "'"));
  await expect(status).toContainText('end 99999 is past the end of the text (4087 code points); annotation “invented” on “');
  await expect(status).toContainText(`its quote “Iran admits everything” is not the text at ${first.start}..${first.end}`);
  // What was taken is exactly Grace's work: the same figures.
  const table = t.getByRole('table', { name: 'Class results' });
  const f1 = (name) => table.getByRole('row', { name }).getByRole('cell').nth(3);
  await expect(f1(/Mallory/)).toHaveText((await f1(/Grace/).textContent()).trim());
  for (const someone of [teacher, student]) await someone.context.close();
});

// A hand-in is evidence: once a student has seen the key their work is frozen (it can be read,
// not changed, and the page says why), a hand-in made after says so in Class results, and so do a
// file dated in the future and two files that share annotations (made in one browser, or copied).
test('after the key is seen the work is frozen, and Class results flag a hand-in after the key, a future date and copied files', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const teacher = await person(browser, baseURL);
  const t = teacher.page;
  await h.freshStart(t);
  await t.getByRole('button', { name: 'Teacher' }).click();
  await t.getByRole('button', { name: 'New assignment' }).click();
  await t.getByRole('textbox', { name: 'Assignment title' }).fill(TITLE);
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  await h.label(t, DENIAL);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());

  const student = await person(browser, baseURL);
  const s = student.page;
  await s.goto('./');
  await s.getByLabel('Import JSON').setInputFiles(assignment.path);
  await h.articleReady(s);
  await h.label(s, SANCTION);
  await s.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const first = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
  expect(JSON.parse(first.text).key_seen_at).toBeUndefined();
  await s.getByRole('button', { name: 'Check my work' }).click();
  await expect(s.getByRole('region', { name: 'Feedback' })).toBeVisible();

  // The key seen, the work is frozen: labelling the missed denial, undoing, deleting change nothing.
  const frozen = 'can be read but not changed';
  await expect(s.getByRole('note')).toContainText(frozen);
  await h.label(s, DENIAL);
  await expect(s.getByRole('alert')).toContainText(frozen);
  await expect(h.annotationItems(s)).toHaveCount(1);
  await s.keyboard.press('Control+z');
  await expect(h.annotationItems(s)).toHaveCount(1);
  await s.reload();
  await h.articleReady(s);
  await expect(s.getByRole('note')).toContainText(frozen);
  await h.label(s, DENIAL);
  await expect(h.annotationItems(s)).toHaveCount(1);
  const again = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
  expect(JSON.parse(again.text).key_seen_at).toMatch(/^\d{4}-\d\d-\d\dT/);

  // Grace hands in a copy of Ada's first file; Alan's file claims a date in 2099.
  const copy = { ...JSON.parse(first.text), student: 'Grace' };
  const future = { ...JSON.parse(first.text), student: 'Alan', handed_in_at: '2099-01-01T00:00:00.000Z' };
  future.documents = future.documents.map((d) => ({ ...d, annotations: d.annotations.map((a) => ({ ...a, id: `alan-${a.id}` })) }));
  const file = (name, json) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)) });
  await t.getByLabel('Collect work').setInputFiles([file('ada-1.json', first.text), file('ada-2.json', again.text), file('grace.json', copy), file('alan.json', future)]);
  const table = t.getByRole('table', { name: 'Class results' });
  const row = (name) => table.getByRole('row').filter({ has: t.getByRole('rowheader', { name, exact: true }) });
  await expect(table.getByRole('rowheader')).toHaveText(['Ada', 'Alan', 'Grace']);
  await expect(row('Ada')).toContainText('after the key');
  await expect(row('Alan')).toContainText('dated in the future');
  await expect(row('Alan')).not.toContainText('shares');
  // Ada's counted hand-in is her second, whose annotation ids are her first's: both rows name each other.
  await expect(row('Ada')).toContainText('shares 1 annotation with Grace');
  await expect(row('Grace')).toContainText('shares 1 annotation with Ada');
  await expect(row('Grace')).not.toContainText('after the key');

  // Both of Ada's hand-ins are kept; the newest counts, and the teacher may count the other.
  await expect(row('Ada')).toContainText('2 hand-ins');
  const counted = t.getByRole('combobox', { name: 'Counted hand-in of Ada' });
  await expect(counted.getByRole('option')).toHaveCount(2);
  await expect(counted).toHaveValue(JSON.parse(again.text).handed_in_at);
  await counted.selectOption(JSON.parse(first.text).handed_in_at);
  await expect(row('Ada')).not.toContainText('after the key');
  // The same file collected again is here once, and said so.
  await t.getByLabel('Collect work').setInputFiles([file('ada-1-again.json', first.text)]);
  await expect(t.getByRole('status')).toContainText('“ada-1-again.json” was collected before');
  await expect(row('Ada')).toContainText('2 hand-ins');
  for (const someone of [teacher, student]) await someone.context.close();
});

// Everything a teacher keeps is in one file: restored in a fresh browser it gives back the same
// Class results, the same comments, the key still editable, and the teacher's own work.
test('Back up everything, restored in a fresh browser, gives back the class, the comments, the key and the work', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { teacher, t, student } = await reviewingGrace(browser, baseURL);
  const comment = t.getByRole('region', { name: 'Comments for the student' }).getByRole('combobox', { name: /^Comment on (their annotation|a passage they missed)/ }).first();
  await comment.fill('Who is speaking here?');
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  // Collecting asked the browser to keep Glossa's storage; the teacher view says what it answered.
  await expect(t.locator('.storage-kept')).toContainText(/This browser (keeps|may clear) Glossa's storage/);
  await expect(t.getByRole('note').filter({ hasText: 'opened from the disk' })).toHaveCount(0);
  // Hosted, the origin's storage is Glossa's own: keys are kept as the rest of the work is.
  await expect(t.getByRole('region', { name: 'Keys kept in this browser' })).toHaveCount(0);
  const results = await t.getByRole('table', { name: 'Class results' }).textContent();
  const backup = await h.download(t, () => t.getByRole('button', { name: 'Back up everything' }).click());
  expect(backup.name).toMatch(/^glossa-\d{4}-\d\d-\d\d\.glossa-backup\.json$/);

  const fresh = await person(browser, baseURL);
  const f = fresh.page;
  await h.freshStart(f);
  await expect(h.annotationItems(f)).toHaveCount(0);
  await f.getByLabel('Import JSON').setInputFiles(backup.path);
  await expect(f.getByRole('status')).toContainText('1 assignments made (1 hand-ins)');
  await expect(h.annotationItems(f)).toHaveCount(1);
  await f.getByRole('button', { name: 'Teacher' }).click();
  await expect(f.getByRole('table', { name: 'Class results' })).toHaveText(results);
  await f.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Grace/ }).getByRole('button', { name: 'Open' }).click();
  await expect(f.getByRole('region', { name: 'Comments for the student' }).getByRole('combobox', { name: /^Comment on (their annotation|a passage they missed)/ }).first()).toHaveValue('Who is speaking here?');
  await f.getByRole('button', { name: 'Back to the teacher view' }).click();
  await f.getByRole('button', { name: 'Annotate the key' }).click();
  await expect(f.getByRole('article').locator('mark')).toHaveCount(1);
  // The key is still the teacher's to change.
  await h.label(f, SANCTION);
  await expect(f.getByRole('article').locator('mark')).toHaveCount(2);
  for (const someone of [teacher, student, fresh]) await someone.context.close();
});
