// Everything by keyboard: the cursor, selecting by words, labelling, walking the highlights with
// [ and ], editing and deleting; a click places the cursor; ? lists the shortcuts; a Mac's keys.
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

test('on a Mac: Option+Shift+Arrow selects by word, Cmd+Shift+Arrow to the line end, Cmd+Z undoes; the list shows those keys', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  await h.freshStart(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('with Option by a word');
  await expect(dialog).toContainText('Cmd+← Cmd+→ move to the start or end of the line');
  await expect(dialog).toContainText('Cmd+Z undo; Cmd+Shift+Z redo');
  await expect(dialog).toContainText('Cmd+F find in the article');
  await page.keyboard.press('Escape');

  const article = page.getByRole('article');
  await article.focus();
  // Line 5 reads "Iran vehemently denies …": Option+Shift+→ twice takes its first two words.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Alt+Shift+ArrowRight', 'Alt+Shift+ArrowRight']) await page.keyboard.press(key);
  await page.keyboard.press('2');
  await expect(h.annotationItems(page).first().locator('q')).toHaveText('Iran vehemently');
  // Ctrl+Arrow is the system's on a Mac: it moves nothing here.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+ArrowRight');
  expect(await page.evaluate(() => getSelection().toString())).toBe('');
  await page.keyboard.press('Meta+ArrowLeft');
  await page.keyboard.press('Meta+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(h.annotationItems(page)).toHaveCount(2);
  const line = h.articleText(h.ARTICLE).split('\n')[4];
  const { json } = await h.exportJson(page);
  const claim = h.documentOf(json).annotations.find((a) => a.label === 'claim');
  expect(h.codePointSlice(h.articleText(h.ARTICLE), claim.start, claim.end)).toBe(line.trim());

  await page.keyboard.press('Meta+z');
  await expect(h.annotationItems(page)).toHaveCount(1);
  await page.keyboard.press('Meta+Shift+z');
  await expect(h.annotationItems(page)).toHaveCount(2);
});
