// Who reported what: the coverage of the five bundled articles, a claim a row (claims linked to
// one another, or in the same words, are one) and an article a column, each cell what the article
// does with the claim. The table is checked against one built here from the Glossa JSON export,
// by the rules the guide states; it downloads as CSV and each stance opens its passage.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

/** The coverage the export implies, as rows of [claim, ...cells in words]. */
function coverageFrom(json) {
  const all = json.documents.flatMap((d, column) => d.annotations.map((a) => ({ column, a })));
  const at = new Map(all.map((x, i) => [x.a.id, i]));
  const claims = all.filter((x) => x.a.label === 'claim');
  const head = new Map(claims.map((x) => [x.a.id, x.a.id]));
  const top = (id) => (head.get(id) === id ? id : top(head.get(id)));
  const join = (p, q) => {
    const [first, second] = [top(p), top(q)].sort((m, n) => at.get(m) - at.get(n));
    head.set(second, first);
  };
  const fold = (s) => s.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
  const byWords = new Map();
  for (const { a } of claims) {
    if (byWords.has(fold(a.quote))) join(byWords.get(fold(a.quote)), a.id);
    else byWords.set(fold(a.quote), a.id);
    for (const link of a.links ?? []) if (head.has(link.to)) join(a.id, link.to);
  }
  const rows = new Map();
  const cellOf = (claimId, column) => {
    const id = top(claimId);
    if (!rows.has(id)) rows.set(id, { claim: all[at.get(id)].a.quote, cells: json.documents.map(() => []) });
    return rows.get(id).cells[column];
  };
  const stances = { asserts: 0, attributes: 1, denies: 2 };
  for (const { column, a } of claims) {
    const who = (a.attributed_to ?? '').trim();
    const asserts = who === '' || a.source_kind === 'the writer';
    cellOf(a.id, column).push({ stance: asserts ? 'asserts' : 'attributes', start: a.start, words: asserts ? 'asserts it' : `attributes it to ${who}` });
  }
  for (const { column, a } of all) {
    for (const link of (a.links ?? []).filter((l) => l.relation === 'denies' && head.has(l.to))) {
      const who = (a.attributed_to ?? '').trim();
      cellOf(link.to, column).push({ stance: 'denies', start: a.start, words: who ? `denies it, through ${who}` : 'denies it' });
    }
  }
  return [...rows.values()].map(({ claim, cells }) => [
    `“${claim}”`,
    ...cells.map((cell) => {
      const words = cell.sort((p, q) => stances[p.stance] - stances[q.stance] || p.start - q.start).map((s) => s.words);
      return words.length ? [...new Set(words)].join('; ') : 'does not mention it';
    }),
  ]);
}

/** The table as rows of [claim, ...cells], a cell's stances joined as the CSV joins them. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [
    row.querySelector('th').textContent,
    ...[...row.querySelectorAll('td')].map((td) => {
      const items = [...td.querySelectorAll('li')].map((li) => li.textContent);
      return items.length ? items.join('; ') : td.textContent;
    }),
  ]));
}

async function attribute(page, who) {
  const field = page.getByRole('group', { name: 'Selected annotation' }).getByRole('textbox', { name: 'Attributed to' });
  await field.fill(who);
  await field.press('Tab');
}

/** In the explainer: the accusation, attributed, and the foreign minister's denial of it, linked. */
async function accusationAndDenial(page) {
  await h.label(page, ['U.S. and Britain accuse', 'for use in Ukraine', '1']);
  await attribute(page, 'U.S. and Britain');
  await h.label(page, ['Iran’s foreign minister firmly', 'claims of delivering', '2']);
  await attribute(page, 'Iran’s foreign minister');
  await h.linkTo(page, 'U.S. and Britain accuse');
  await page.keyboard.press('Escape');
}

test('the coverage of the five articles equals the one their export implies, downloads as CSV and opens each passage', async ({ page }) => {
  test.setTimeout(60_000);
  await h.freshStart(page);
  await accusationAndDenial(page);
  // In the analysis: the same accusation in other words, linked as the same claim, and a denial of it.
  await h.openArticle(page, 'Iran’s Response to Allegations');
  await h.label(page, ['Iran has supplied short-range', 'ballistic missiles to Russia', '1']);
  await h.linkTo(page, 'U.S. and Britain accuse');
  await h.label(page, ['no missile was sent to Russia', 'no missile was sent to Russia', '2']);
  await attribute(page, 'Brigadier Fazlollah Nozari');
  await h.linkTo(page, 'Iran has supplied short-range');
  await page.keyboard.press('Escape');
  // In the aggregator's piece: a claim of its own, told in its own voice.
  await h.openArticle(page, 'The Strengthening of the Russia-Iran Axis');
  await h.label(page, ['Iran has recently dispatched', '400 ballistic missiles to Russia', '1']);
  await page.keyboard.press('Escape');

  const { json } = await h.exportJson(page);
  const expected = coverageFrom(json);
  expect(expected).toHaveLength(2);

  await page.getByRole('button', { name: 'Claims board' }).click();
  await page.getByRole('button', { name: 'Coverage', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Coverage', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: 'Coverage' });
  await expect(table.getByRole('columnheader')).toHaveText(['Claim', ...json.documents.map((d) => d.title)]);
  expect(await tableRows(table)).toEqual(expected);
  // The explainer's cell: the accusation attributed, and denied through the foreign minister.
  expect(expected[0][5]).toBe('attributes it to U.S. and Britain; denies it, through Iran’s foreign minister');

  const csv = await h.download(page, () => page.getByRole('button', { name: 'Download coverage (CSV)' }).click());
  expect(csv.text.startsWith('\ufeffclaim,')).toBe(true);
  const lines = csv.text.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(1 + expected.length);
  expect(lines[1]).toContain('denies it, through Brigadier Fazlollah Nozari');

  // Nothing spills sideways on the school laptop or the phone: a wide table scrolls in itself.
  for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(await h.seriousViolations(page)).toEqual([]);

  // A stance opens its passage in its article.
  await table.getByRole('button', { name: 'denies it, through Brigadier Fazlollah Nozari' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iran’s Response to Allegations of Missile Transfers');
  await expect.poll(() => page.evaluate(() => window.getSelection().toString())).toBe('no missile was sent to Russia');
});

/** A hand-in of `student` on `assignment` (its file, parsed) marking `spans` ([label, quote]) in
 *  its first document, as a student's Glossa writes one. */
function handIn(assignment, student, spans) {
  const document = assignment.documents[0];
  const text = h.articleText(document.id);
  const chars = Array.from(text);
  const annotations = spans.map(([label, quote], k) => {
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const end = start + Array.from(quote).length;
    expect(chars.slice(start, end).join('')).toBe(quote);
    const at = '2026-12-04T10:00:00.000Z';
    return { id: `${student}-${k}`, label, start, end, quote, note: '', attributed_to: '', created_at: at, updated_at: at };
  });
  const work = {
    format: 'glossa-work', version: 3, assignment_id: assignment.id, assignment_title: assignment.title, student,
    handed_in_at: '2026-12-04T10:05:00.000Z', documents: [{ id: document.id, text_sha256: document.text_sha256, annotations }],
  };
  return { name: `${student}.glossa-work.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(work)) };
}

test('in the class discussion the key’s coverage says how many students saw each cell, on screen and in its CSV', async ({ browser }) => {
  test.setTimeout(60_000);
  const teacher = await browser.newContext({ acceptDownloads: true });
  const t = await teacher.newPage();
  await h.newAssignment(t, 'Who reported what');
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  await accusationAndDenial(t);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  const file = JSON.parse((await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click())).text);

  // Ada marks the accusation and the denial, Grace the accusation alone, Alan neither.
  await t.getByLabel('Collect work').setInputFiles([
    handIn(file, 'Ada', [['claim', 'U.S. and Britain accuse Iran'], ['denial', 'Iran’s foreign minister firmly rejects claims']]),
    handIn(file, 'Grace', [['claim', 'short-range ballistic missiles to Russia for use in Ukraine']]),
    handIn(file, 'Alan', [['sanction', 'New sanctions announced']]),
  ]);
  await expect(t.getByRole('table', { name: 'Class results' }).getByRole('row')).toHaveCount(4);
  await t.getByRole('button', { name: 'Open the class discussion' }).click();
  const discussion = t.getByRole('region', { name: 'Class discussion' });
  await discussion.getByRole('button', { name: 'Coverage', exact: true }).click();
  const table = discussion.getByRole('table', { name: 'Coverage' });
  await expect(table.getByRole('caption')).toContainText('how many of the 3 students saw it');
  await expect(table.getByRole('rowheader')).toHaveText([/^“U\.S\. and Britain accuse/]);
  await expect(table.locator('td .seen')).toHaveText(['seen by 2 of 3']);
  await expect(table.locator('td li')).toHaveText(['attributes it to U.S. and Britain', 'denies it, through Iran’s foreign minister']);
  const csv = await h.download(t, () => discussion.getByRole('button', { name: 'Download coverage (CSV)' }).click());
  expect(csv.text.trim().split('\r\n')[1]).toMatch(/,"attributes it to U\.S\. and Britain; denies it, through Iran’s foreign minister \(seen by 2 of 3\)"$/);
  await teacher.close();
});
