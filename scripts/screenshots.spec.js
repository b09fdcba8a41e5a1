// The screenshots of the docs, made from the built app as a teacher and a student use it, so that
// they stay true: `scripts/screenshots` builds, serves and runs this, writing docs/images/*.png.
// Not part of the test command; it asserts only what it needs to reach each screen.
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const h = require('../tests/e2e/helpers');

const shots = path.join(__dirname, '..', 'docs', 'images');
const DENIAL = ['Iran vehemently denies', 'ballistic missiles to Russia', '2'];
const SANCTION = ['New sanctions announced', 'by Western allies', '3'];
const CLAIM = ['U.S. and Britain accuse', 'for use in Ukraine', '1'];
const EXTRA = ['Iran dismisses allegations', 'Iran dismisses allegations', '1'];
const LAPTOP = { width: 1366, height: 768 };

async function person(browser) {
  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  return context.newPage();
}

const shoot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`) });

test('the screens of the docs', async ({ browser }) => {
  test.setTimeout(120_000);
  // A reader: three labels on an article.
  const t = await person(browser);
  await h.freshStart(t);
  for (const span of [DENIAL, SANCTION, CLAIM]) await h.label(t, span);
  await t.evaluate(() => window.scrollTo(0, 0));
  await shoot(t, 'reader');
  await t.getByRole('button', { name: 'Undo' }).click();
  await t.getByRole('button', { name: 'Undo' }).click();
  await t.getByRole('button', { name: 'Undo' }).click();

  // The teacher makes an assignment and its key.
  await t.getByRole('button', { name: 'Teacher' }).click();
  await t.getByRole('button', { name: 'New assignment' }).click();
  await t.getByRole('textbox', { name: 'Assignment title' }).fill('Who denies what');
  await t.getByRole('textbox', { name: 'Instructions' }).fill('Mark every claim, denial and sanction. Say who makes each claim.');
  await t.getByRole('textbox', { name: 'Instructions' }).press('Tab');
  await shoot(t, 'teacher-assignment');
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  for (const span of [DENIAL, SANCTION, CLAIM]) await h.label(t, span);
  await t.evaluate(() => window.scrollTo(0, 0));
  await shoot(t, 'teacher-key');
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());

  // Three students hand in; one checks her work.
  const handIns = [];
  for (const [name, spans] of [['Ada', [DENIAL, SANCTION, CLAIM]], ['Grace', [DENIAL, [CLAIM[0], CLAIM[1], '2']]], ['Alan', [EXTRA]]]) {
    const s = await person(browser);
    await s.goto('./');
    await s.getByLabel('Import JSON').setInputFiles(assignment.path);
    await h.articleReady(s);
    for (const span of spans) await h.label(s, span);
    await s.getByRole('textbox', { name: 'Your name' }).fill(name);
    await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
    const handIn = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
    // Kept as bytes: a download goes with the browser that made it.
    handIns.push({ name: handIn.name, mimeType: 'application/json', buffer: Buffer.from(handIn.text) });
    if (name === 'Grace') {
      await s.evaluate(() => window.scrollTo(0, 0));
      await shoot(s, 'student-assignment');
      await s.getByRole('button', { name: 'Check my work' }).click();
      await s.getByRole('region', { name: 'Feedback' }).scrollIntoViewIfNeeded();
      await shoot(s, 'student-feedback');
    }
    await s.context().close();
  }

  // The teacher collects, reads the results, and opens the discussion.
  await t.getByLabel('Collect work').setInputFiles(handIns);
  const table = t.getByRole('table', { name: 'Class results' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await table.scrollIntoViewIfNeeded();
  await shoot(t, 'teacher-results');
  await t.getByRole('table', { name: 'Agreement' }).scrollIntoViewIfNeeded();
  await shoot(t, 'teacher-agreement');
  await t.getByRole('region', { name: 'Disagreement' }).getByRole('button').first().click();
  await expect(t.getByRole('region', { name: 'Class discussion' })).toBeVisible();
  await shoot(t, 'discussion');
  await t.context().close();
});
