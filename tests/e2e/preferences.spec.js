// Settings: selections snap to whole words unless turned off; theme, text size and reading width
// applied and remembered; the theme follows the system until one is chosen.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('a selection inside words grows to whole words, unless snapping is turned off', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'ehemently denies', 'Iran vehemently deni');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page).first().locator('q')).toHaveText('vehemently denies');

  await page.getByText('Settings').click();
  const snap = page.getByRole('checkbox', { name: 'Snap to words' });
  await expect(snap).toBeChecked();
  await snap.uncheck();
  await page.getByText('Settings').click();
  await h.drag(page, 'oreign minister', 'Iran’s foreign minis');
  await page.keyboard.press('1');
  await expect(h.annotationItems(page).nth(1).locator('q')).toHaveText('oreign minis');

  const { json } = await h.exportJson(page);
  const text = h.articleText(h.ARTICLE);
  for (const a of h.documentOf(json).annotations) expect(h.codePointSlice(text, a.start, a.end)).toBe(a.quote);
  await page.reload();
  await page.getByText('Settings').click();
  await expect(snap).not.toBeChecked();
});

test('theme, text size and reading width are applied and remembered', async ({ page }) => {
  await h.freshStart(page);
  const root = page.locator('html');
  const articleFontSize = () => page.getByRole('article').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await articleFontSize();
  await page.getByText('Settings').click();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(253, 252, 249)');
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  expect(await articleFontSize()).toBeGreaterThan(before * 1.15);
  await page.getByLabel('Reading width').selectOption('wide');
  await expect(root).toHaveAttribute('data-width', 'wide');

  await page.reload();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(root).toHaveAttribute('data-width', 'wide');
  expect(await articleFontSize()).toBeGreaterThan(before * 1.15);
  await page.getByText('Settings').click();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  // By keyboard: each step resizes the button under the pointer.
  await page.getByRole('button', { name: 'Smaller text' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  expect(await articleFontSize()).toBeLessThan(before);
});

test('the theme follows the system until one is chosen', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await h.freshStart(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(21, 23, 27)');
  await page.getByText('Settings').click();
  await page.getByLabel('Theme').selectOption('light');
  expect(await background()).toBe('rgb(253, 252, 249)');
  await context.close();
});
