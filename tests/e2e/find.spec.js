// Finding in the article (Ctrl+F: highlighted, counted, stepped through) and filtering the article
// and the list by label.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('Ctrl+F finds in the article: matches are highlighted, counted and stepped through', async ({ page }) => {
  await h.freshStart(page);
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await page.keyboard.type('ukraine');
  const text = h.articleText(h.ARTICLE);
  const expected = (text.match(/ukraine/gi) || []).length;
  expect(expected).toBeGreaterThan(2);
  await expect(page.getByRole('article').locator('.found')).toHaveCount(expected);
  await expect(page.getByRole('search', { name: 'Find in article' })).toContainText(`1 of ${expected} matches`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('search', { name: 'Find in article' })).toContainText(`2 of ${expected} matches`);
  await page.getByRole('button', { name: 'Previous match' }).click();
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(page.getByRole('search', { name: 'Find in article' })).toContainText(`${expected} of ${expected} matches`);
  await expect(page.getByRole('article').locator('.found').last()).toBeInViewport();

  // A match inside a highlight is still found, and labelling still works while searching.
  await h.drag(page, 'be used in Ukraine within', 'be used in Ukraine within');
  await page.keyboard.press('3');
  await expect(h.annotationItems(page).first().locator('q')).toHaveText('be used in Ukraine within');
  await expect(page.getByRole('article').locator('mark.found')).toHaveText('Ukraine');
  await find.fill('');
  await expect(page.getByRole('article').locator('.found')).toHaveCount(0);
});

test('the list and the highlights filter by label; each article shows its progress', async ({ page }) => {
  await h.freshStart(page);
  const progress = page.getByRole('link', { name: /Iran Addresses Controversial/ });
  await expect(progress).toContainText('0 / 25 paragraphs annotated');
  await h.drag(page, 'Iran vehemently denies', 'Iran vehemently denies');
  await page.keyboard.press('2');
  await h.drag(page, 'New sanctions announced', 'by Western allies');
  await page.keyboard.press('3');
  await h.drag(page, 'U.S. officials warn', 'U.S. officials warn');
  await page.keyboard.press('1');
  await expect(progress).toContainText('3 / 25 paragraphs annotated');

  const filter = page.getByRole('group', { name: 'Show' });
  await filter.getByRole('checkbox', { name: 'Sanction' }).uncheck();
  await filter.getByRole('checkbox', { name: 'Claim' }).uncheck();
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(h.annotationItems(page).first()).toContainText('Denial');
  await expect(page.getByRole('article').locator('mark')).toHaveCount(1);
  await filter.getByRole('checkbox', { name: 'Claim' }).check();
  await expect(h.annotationItems(page)).toHaveCount(2);
  await expect(page.getByRole('article').locator('mark')).toHaveCount(2);
});
