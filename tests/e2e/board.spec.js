// The claims board: what the reader marked across articles, grouped by who says it, filtered,
// ordered, each quote leading back to its text; and printed as a handout.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

async function attribute(page, who) {
  const field = page.getByRole('textbox', { name: 'Attributed to' });
  await field.fill(who);
  await field.press('Tab');
}

test('the claims board groups what was marked across articles by who says it', async ({ page }) => {
  await h.freshStart(page, '#/a/001_0498907b85d31520');
  await h.label(page, ['Iran has officially denied', 'transferring missiles to Russia', '2']);
  await attribute(page, '  Iran ');
  await h.label(page, ['Iranian officials have labeled', 'psychological warfare', '2']);
  await h.openArticle(page, 'Iran Addresses Controversial Allegations');
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await attribute(page, 'iran');
  await h.label(page, ['U.S. and Britain accuse', 'for use in Ukraine', '1']);
  await attribute(page, 'U.S. and Britain');

  await page.getByRole('button', { name: 'Claims board' }).click();
  const board = page.getByRole('table', { name: 'Claims board' });
  await expect(board.getByRole('rowheader')).toHaveText(['Iran (2)', 'U.S. and Britain (1)', 'Not attributed (1)']);
  await expect(board.locator('caption')).toHaveText('4 annotations by 3 speakers');
  const iran = board.getByRole('rowgroup').filter({ hasText: 'Iran (2)' });
  await expect(iran.getByRole('row')).toHaveCount(3);
  await expect(iran.getByRole('row').nth(1)).toContainText('Iran’s Response to Allegations');
  await expect(iran.getByRole('row').nth(2)).toContainText('Iran Addresses Controversial Allegations');

  // Filtered by label, then by article; ordered newest first.
  await page.getByRole('combobox', { name: /^Label/ }).selectOption('Claim');
  await expect(board.getByRole('rowheader')).toHaveText(['U.S. and Britain (1)']);
  await page.getByRole('combobox', { name: /^Label/ }).selectOption('All labels');
  await page.getByRole('combobox', { name: 'Article' }).selectOption('Iran’s Response to Allegations of Missile Transfers');
  await expect(board.getByRole('rowheader')).toHaveText(['Iran (1)', 'Not attributed (1)']);
  await page.getByRole('combobox', { name: 'Article' }).selectOption('All articles');
  await page.getByRole('combobox', { name: 'Order' }).selectOption('Newest first');
  await expect(iran.getByRole('row').nth(1)).toContainText('Iran Addresses Controversial Allegations');

  // Printed, the board stands alone: no header, no side panels, no controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.masthead')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Articles' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: /^Label/ })).toBeHidden();
  await expect(board).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // A quote opens its article with its text selected.
  await board.getByRole('button', { name: /“U\.S\. and Britain accuse/ }).click();
  await expect(page.getByRole('article')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Claims board' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => page.evaluate(() => window.getSelection().toString())).toMatch(/^U\.S\. and Britain accuse.*for use in Ukraine$/s);
});
