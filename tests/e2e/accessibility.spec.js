// axe-core audits each main view; any serious or critical violation fails the test.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const { seriousViolations } = h;

test('the start page has no serious accessibility violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('an article with overlapping highlights, the editor and a message has none either', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'U.S. and Britain accuse Iran', 'U.S. and Britain accuse Iran');
  await page.keyboard.press('1');
  await h.drag(page, 'Britain accuse Iran of supplying', 'short-range ballistic missiles');
  await page.keyboard.press('2');
  await expect(page.getByRole('group', { name: 'Selected annotation' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Denial added');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a refused import, shown as an alert, has none either', async ({ page }) => {
  await h.freshStart(page);
  await page.getByLabel('Import JSON').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  expect(await seriousViolations(page)).toEqual([]);
});

test('on a phone-sized screen too', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await h.freshStart(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dark theme, with search matches, the label editor and settings open, has none either', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await h.freshStart(page);
  await h.drag(page, 'Iran vehemently denies', 'Iran vehemently denies');
  await page.keyboard.press('2');
  await page.getByRole('searchbox', { name: 'Find in article' }).fill('Iran');
  await page.getByText('Labels', { exact: true }).click();
  await page.getByText('Settings', { exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('a document of one’s own, with its details and the ways to add more, has none either', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Paste text').fill('My own report\nThe ministry denies everything.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(page.getByRole('region', { name: 'Document details' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the teacher view with an assignment, and a student’s feedback against its key, have none either', async ({ page, browser }) => {
  await h.freshStart(page);
  await page.getByRole('button', { name: 'Teacher' }).click();
  await page.getByRole('button', { name: 'New assignment' }).click();
  await page.getByRole('button', { name: 'Annotate the key' }).click();
  await expect(page.getByRole('region', { name: 'Answer key' })).toBeVisible();
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await page.getByRole('button', { name: 'Back to the teacher view' }).click();
  await page.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  const assignment = await h.download(page, () => page.getByRole('button', { name: 'Export assignment' }).click());

  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto('./');
  await student.getByLabel('Import JSON').setInputFiles(assignment.path);
  // The file may be chosen on the first screen, before the app runs: it is opened once the app and
  // the assignment's part are here, which a cold machine under load took more than 5 s to do.
  await expect(student.getByRole('region', { name: 'Assignment' })).toBeVisible({ timeout: 15_000 });
  await h.articleReady(student);
  await h.label(student, ['Iran vehemently denies', 'Iran vehemently denies', '2']);
  await student.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await student.getByRole('textbox', { name: 'Your name' }).press('Tab');
  await h.download(student, () => student.getByRole('button', { name: 'Hand in' }).click());
  await student.getByRole('button', { name: 'Check my work' }).click();
  // A shorter span than the key's: not found as marked, and the sentence says what the table says.
  await expect(student.getByRole('region', { name: 'Feedback' })).toContainText('You found 0 of the 1 denials.');
  await expect(student.getByRole('region', { name: 'Feedback' }).getByRole('row', { name: /^Denial/ }).getByRole('cell').nth(1)).toHaveText('0.00');
  expect(await seriousViolations(student)).toEqual([]);
  await context.close();
});
