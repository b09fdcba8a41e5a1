const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('keyboard only: move a cursor, select by words, label, walk the highlights, edit and delete', async ({ page }) => {
  await h.freshStart(page);
  const article = page.getByRole('article');
  await article.focus();
  await expect(article.locator('.caret')).toHaveCount(1);

  // Line 1 is the title, line 2 is blank, line 3 reads "Missiles".
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('1');
  const live = page.locator('[aria-live]').filter({ hasText: 'Claim added' });
  await expect(live).toContainText('Claim added: “Missiles”');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page)).toHaveCount(2);
  await expect(h.annotationItems(page).nth(1).locator('q')).toHaveText('Iran vehemently');

  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  await expect(page.getByRole('status')).toContainText('Claim: “Missiles” (1 of 2)');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status')).toContainText('Denial: “Iran vehemently” (2 of 2)');
  await expect(article).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('status')).toContainText('(1 of 2)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('found by keyboard');
  await expect(h.annotationItems(page).first()).toContainText('found by keyboard');

  await article.focus();
  await page.keyboard.press('Delete');
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(h.annotationItems(page).first()).toContainText('Iran vehemently');

  const { json } = await h.exportJson(page);
  const [a] = h.documentOf(json).annotations;
  expect(h.codePointSlice(h.articleText(h.ARTICLE), a.start, a.end)).toBe('Iran vehemently');
});

test('a click in the text puts the keyboard cursor there', async ({ page }) => {
  await h.freshStart(page);
  // The keyboard was used elsewhere first; the click decides where it goes on from.
  await page.getByRole('article').focus();
  await page.keyboard.press('ArrowDown');
  const at = await h.pointAt(page, 'vehemently');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page).first().locator('q')).toHaveText('vehemently denies');
});

test('? lists every shortcut, and Escape closes the list', async ({ page }) => {
  await h.freshStart(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('label the selection Claim');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
