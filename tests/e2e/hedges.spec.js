// Hints of hedges and reporting verbs: underlined on request (the CSS Custom Highlight API, so the
// text's markup stays as it is), found as whole words from a list the reader may edit, kept in
// step as the article is drawn and highlighted, remembered, and off while an assignment forbids.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

/** The passages the page paints as hedges, as their text. */
function hedges(page) {
  return page.evaluate(() => [...(CSS.highlights.get('hedge') ?? [])].map((range) => range.toString()));
}

/** Whole-word matches of `words` (plain words) in the text the article draws. */
function expectedIn(page, words) {
  return page.evaluate((words) => {
    const text = document.querySelector('article').textContent;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    return [...text.matchAll(pattern)].map((m) => m[0]);
  }, words);
}

test('hedges and reporting verbs are underlined as whole words when asked, from a list the reader edits, in step with the article', async ({ page }) => {
  await h.freshStart(page);
  expect(await hedges(page)).toEqual([]);
  await page.getByText('Settings').click();
  const show = page.getByRole('checkbox', { name: 'Show hedges and reporting verbs' });
  await expect(show).not.toBeChecked();
  await show.check();
  await expect.poll(() => hedges(page).then((found) => found.length)).toBeGreaterThan(10);
  const found = (await hedges(page)).map((w) => w.toLowerCase());
  for (const word of ['denies', 'alleged', 'accuse', 'claims']) expect(found).toContain(word);
  // A mark is drawn over "denies" and the hint is still there: painted again as the markup changed.
  const before = (await hedges(page)).length;
  await h.label(page, ['Iran vehemently denies', 'Iran vehemently denies', '2']);
  await expect(page.getByRole('article').locator('mark')).not.toHaveCount(0);
  await expect.poll(() => hedges(page).then((f) => f.length)).toBe(before);
  expect(await hedges(page)).toContain('denies');
  // Nothing was added to the text's markup: the article reads as before.
  await expect(page.getByRole('article').locator('.hedge, [data-hedge]')).toHaveCount(0);

  // One's own list: whole words only, one a line.
  const list = page.getByRole('textbox', { name: 'Hedges and reporting verbs' });
  await list.fill('Blinken\nwarn*');
  await list.press('Tab');
  const expected = await expectedIn(page, ['Blinken', 'warn\\p{L}*']);
  expect(expected.length).toBeGreaterThan(1);
  await expect.poll(() => hedges(page)).toEqual(expected);

  await page.reload();
  await h.articleReady(page);
  await expect.poll(() => hedges(page)).toEqual(expected);
  // Back to Glossa's list, then off.
  await page.getByText('Settings').click();
  await page.getByRole('button', { name: 'Glossa’s list' }).click();
  await expect(page.getByRole('textbox', { name: 'Hedges and reporting verbs' })).toHaveValue(/^alleg\*\nreportedly\n/);
  await page.getByRole('checkbox', { name: 'Show hedges and reporting verbs' }).uncheck();
  await expect.poll(() => hedges(page)).toEqual([]);
});

test('an assignment that forbids the hints turns them off for its students, saying why, whatever their settings', async ({ browser }) => {
  const teacher = await browser.newContext({ acceptDownloads: true });
  const t = await teacher.newPage();
  await h.newAssignment(t, 'Find the hedges yourself');
  await t.getByRole('checkbox', { name: 'Forbid hints of hedges and reporting verbs' }).check();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
  const file = JSON.parse(assignment.text);
  expect(file).toMatchObject({ version: 3, hedges_forbidden: true });

  const context = await browser.newContext({ acceptDownloads: true });
  const s = await context.newPage();
  // The student had the hints on before opening the assignment.
  await h.freshStart(s);
  await s.getByText('Settings').click();
  await s.getByRole('checkbox', { name: 'Show hedges and reporting verbs' }).check();
  await expect.poll(() => hedges(s).then((f) => f.length)).toBeGreaterThan(0);
  await s.getByLabel('Import JSON').setInputFiles(assignment.path);
  await h.articleReady(s);
  await expect.poll(() => hedges(s)).toEqual([]);
  // Settings is still open, as the student left it.
  const show = s.getByRole('checkbox', { name: 'Show hedges and reporting verbs' });
  await expect(show).toBeDisabled();
  await expect(show).not.toBeChecked();
  await expect(show).toHaveAccessibleDescription('Your teacher has turned these hints off for this assignment.');
  await teacher.close();
  await context.close();
});
