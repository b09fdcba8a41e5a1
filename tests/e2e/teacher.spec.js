// The teacher's screens with a class, on a school laptop (1366 × 768): the class made from a real
// student's hand-in, varied as thirty students would vary it. Every control readable, the results
// first, a hand-in opened at its top and left back at its row, and Back and Forward between the
// teacher view, a review and the class discussion.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const LAPTOP = { width: 1366, height: 768 };
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Emmy Noether', 'Srinivasa Ramanujan', 'Hedy Lamarr',
  'Mary Jackson', 'Tim Berners-Lee', 'Dorothy Vaughan', 'Claude Shannon', 'Rosalind Franklin', 'Karen Spärck Jones', 'John von Neumann',
  'Radia Perlman', 'Edsger Dijkstra', 'Frances Allen', 'Barbara Liskov', 'Donald Knuth', 'Margaret Hamilton', 'Leslie Lamport',
  'Sophie Wilson', 'Ken Thompson', 'Shafi Goldwasser', 'Whitfield Diffie', 'Anita Borg', 'Tony Hoare', 'Jean Sammet', 'Niklaus Wirth',
  'Adele Goldberg'];

/** A small deterministic generator (mulberry32), so that the class is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` hand-ins made from `real` (a student's hand-in file, parsed): each student keeps, shifts,
 *  relabels or leaves out the real spans, and marks a few more on every document. */
function classFrom(real, size) {
  const next = random(2024);
  const labels = ['claim', 'denial', 'sanction'];
  return NAMES.slice(0, size).map((student, s) => {
    const work = structuredClone(real);
    work.student = student;
    work.handed_in_at = new Date(Date.parse(real.handed_in_at) + s * 1000).toISOString();
    for (const document of work.documents) {
      const text = h.articleText(document.id);
      const length = Array.from(text).length;
      const span = (start, end, label, k) => ({
        ...real.documents[0].annotations[0], id: `${student}-${document.id}-${k}`, label, start, end,
        quote: h.codePointSlice(text, start, end), note: '', attributed_to: '',
      });
      const kept = document.annotations.filter(() => next() > 0.15).map((a, k) => {
        const shift = next() < 0.3 ? Math.floor(next() * 7) - 3 : 0;
        const label = next() < 0.2 ? labels[Math.floor(next() * 3)] : a.label;
        return span(Math.max(0, a.start + shift), a.end, label, k);
      });
      const more = Array.from({ length: 2 + Math.floor(next() * 4) }, (_, k) => {
        const start = Math.floor(next() * (length - 80));
        return span(start, start + 10 + Math.floor(next() * 60), labels[Math.floor(next() * 3)], 100 + k);
      });
      document.annotations = [...kept, ...more];
    }
    return { name: `${student}.glossa-work.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(work)) };
  });
}

/** The teacher, on a laptop, with an assignment on two articles, its key, and a class of `size`
 *  collected; the real hand-in is a student's, made in a browser of their own. */
async function teacherWithAClass(browser, size) {
  const teacher = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  const t = await teacher.newPage();
  await h.freshStart(t);
  await t.getByRole('button', { name: 'Teacher' }).click();
  await t.getByRole('button', { name: 'New assignment' }).click();
  await t.getByRole('textbox', { name: 'Assignment title' }).fill('Who denies what');
  await t.getByRole('textbox', { name: 'Assignment title' }).press('Tab');
  await t.getByRole('group', { name: 'Documents' }).getByRole('checkbox').nth(1).check();
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  for (const span of [['Iran vehemently denies', 'ballistic missiles to Russia', '2'], ['New sanctions announced', 'by Western allies', '3']]) {
    await h.label(t, span);
  }
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());

  const student = await browser.newContext({ acceptDownloads: true });
  const s = await student.newPage();
  await s.goto('./');
  await s.getByLabel('Import JSON').setInputFiles(assignment.path);
  await h.articleReady(s);
  for (const span of [['Iran vehemently denies', 'ballistic missiles to Russia', '2'], ['U.S. and Britain accuse', 'for use in Ukraine', '1']]) {
    await h.label(s, span);
  }
  await s.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const real = JSON.parse((await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click())).text);
  await student.close();

  await t.getByLabel('Collect work').setInputFiles(classFrom(real, size));
  await expect(t.getByRole('status')).toContainText(`Collected ${size} hand-ins`);
  await expect(t.getByRole('table', { name: 'Class results' }).getByRole('row')).toHaveCount(size + 1);
  return { teacher, t };
}

test.use({ viewport: LAPTOP });

test('at 1366 × 768 the teacher view of a class of 30 uses the width, clips no control, and puts the results first', async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, t } = await teacherWithAClass(browser, 30);
  // The panels the teacher view does not use are folded away: the view takes the width.
  await expect(t.getByRole('navigation', { name: 'Articles' })).toBeHidden();
  const view = await t.getByRole('region', { name: 'Teacher' }).boundingBox();
  expect(view.width).toBeGreaterThan(1100);
  // Results before the agreement figures, which open with a sentence to read aloud.
  const order = await t.evaluate(() => {
    const at = (selector) => document.querySelector(selector).getBoundingClientRect().top;
    return [at('table.class-results'), at('.class-agreement')];
  });
  expect(order[0]).toBeLessThan(order[1]);
  await expect(t.locator('.agreement-in-words')).toHaveText(/^The class /);
  // Not a button, select or file button whose text is cut, or that reaches past the screen; the
  // page never scrolls sideways. With Agreement in detail open too.
  await t.getByText('Agreement in detail', { exact: true }).click();
  const clipped = await t.evaluate(() => [...document.querySelectorAll('.teacher button, .teacher select, .teacher .file-button')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map((e) => e.textContent.trim().slice(0, 40)));
  expect(clipped).toEqual([]);
  expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  // Every pair is drawn only when asked for: 435 pairs of 30 students.
  await expect(t.getByRole('table', { name: 'Pairs' })).toHaveCount(0);
  await expect(t.getByRole('table', { name: 'Each student against the others' }).getByRole('row')).toHaveCount(31);
  await t.getByText('Every pair (435)', { exact: true }).click();
  await expect(t.getByRole('table', { name: 'Pairs' }).getByRole('row')).toHaveCount(436);
  await teacher.close();
});

test('a hand-in opens at its top, Back returns to its row, and the teacher view, a review and the discussion are places Back and Forward reach', async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, t } = await teacherWithAClass(browser, 12);
  const row = t.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Rosalind Franklin/ });
  await row.getByRole('button', { name: 'Open' }).click();
  // At the top: whose work it is, and the way to return it.
  const handIn = t.getByRole('region', { name: 'Hand-in' });
  await expect(handIn.getByRole('heading', { level: 2 })).toContainText('Rosalind Franklin');
  await expect(handIn.getByRole('heading', { level: 2 })).toBeInViewport();
  await expect(handIn.getByRole('button', { name: 'Return to student' })).toBeInViewport();
  expect(t.url()).toContain('#/review/');

  // Back: the teacher view, at her row, its Open focused.
  await t.goBack();
  await expect(t.getByRole('region', { name: 'Teacher' })).toBeVisible();
  expect(t.url()).toMatch(/#\/teacher$/);
  await expect(row).toBeInViewport();
  await expect(row.getByRole('button', { name: 'Open' })).toBeFocused();
  // Forward: her hand-in again.
  await t.goForward();
  await expect(handIn.getByRole('heading', { level: 2 })).toContainText('Rosalind Franklin');

  // The class discussion, at its top; Back to the teacher view, Forward to the discussion.
  await handIn.getByRole('button', { name: 'Back to the teacher view' }).click();
  await t.getByRole('button', { name: 'Open the class discussion' }).click();
  const discussion = t.getByRole('region', { name: 'Class discussion' });
  await expect(discussion.getByRole('heading', { level: 2 })).toBeInViewport();
  expect(t.url()).toContain('#/discussion/');
  await t.goBack();
  await expect(t.getByRole('region', { name: 'Teacher' })).toBeVisible();
  await t.goForward();
  await expect(discussion).toBeVisible();
  // A reload stays where the teacher is.
  await t.goBack();
  await t.reload();
  await expect(t.getByRole('region', { name: 'Teacher' })).toBeVisible();
  await teacher.close();
});

test('projector mode for a room: the article, the bands and the figures large, the counts in words, no name, no control cut, nothing for axe', async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, t } = await teacherWithAClass(browser, 12);
  await t.getByRole('button', { name: 'Open the class discussion' }).click();
  const size = () => t.getByRole('article').locator('p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const band = () => t.locator('.class-band').first().evaluate((b) => b.getBoundingClientRect().height);
  const [text, height] = [await size(), await band()];
  await t.getByRole('region', { name: 'Class discussion' }).getByRole('button', { name: 'Projector mode' }).click();
  expect(await size()).toBeGreaterThanOrEqual(text * 1.35);
  expect(await band()).toBeGreaterThanOrEqual(height * 1.35);
  // Each disputed stretch says its counts in words, large, beside its band.
  const counts = t.getByRole('list', { name: /Disputed in paragraph/ }).first().getByRole('listitem').first();
  await expect(counts).toHaveText(/\d+ (Claim|Denial|Sanction|none)/);
  expect(await counts.evaluate((li) => parseFloat(getComputedStyle(li).fontSize))).toBeGreaterThanOrEqual(16);
  expect(await h.seriousViolations(t)).toEqual([]);

  // The teacher view on the projector: names are letters, nothing cut at 1366 × 768.
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  await expect(t.getByRole('table', { name: 'Class results' }).getByRole('rowheader').first()).toHaveText(/^Student [A-Z]$/);
  await t.getByText('Agreement in detail', { exact: true }).click();
  const clipped = await t.evaluate(() => [...document.querySelectorAll('.teacher button, .teacher select, .teacher .file-button')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map((e) => e.textContent.trim().slice(0, 40)));
  expect(clipped).toEqual([]);
  expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  expect(await h.seriousViolations(t)).toEqual([]);
  await teacher.close();
});
