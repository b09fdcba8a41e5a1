// What a text is as a source: a bundled article's kind, outlet and date as its own text gives
// them; one's own described by its reader, kept over a reload, undone, exported and imported.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('a bundled article says its kind, and its outlet and date where its text does', async ({ page }) => {
  await h.freshStart(page, '#/a/002_e1ccba8a638ce329');
  const facts = page.locator('dl.source');
  await expect(facts.locator('dt')).toHaveText(['Kind', 'Outlet', 'Not in the text']);
  await expect(facts.locator('dd')).toHaveText(['aggregator or blog', 'Conservative News Daily', 'date']);
  await h.openArticle(page, 'Iran Addresses');
  await expect(facts.locator('dt')).toHaveText(['Kind', 'Not in the text']);
  await expect(facts.locator('dd')).toHaveText(['news report', 'outlet, date']);
  const { json } = await h.exportJson(page);
  expect(json.documents.map((d) => d.kind)).toEqual(['news report', 'analysis', 'aggregator or blog', 'aggregator or blog', 'news report']);
});

test('a text of one’s own is described by its reader: kept, undone, exported and brought back by an import', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Paste text').fill('Letters page\n\nThe ministry denies it, says our reader.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  const about = page.getByRole('group', { name: 'About this text' });
  await about.getByRole('combobox', { name: 'Kind' }).selectOption('opinion');
  await about.getByRole('textbox', { name: 'Outlet' }).fill('The Valley Courier');
  await about.getByRole('textbox', { name: 'Outlet' }).press('Tab');
  await about.getByRole('textbox', { name: 'Date' }).fill('2024-09-12');
  await about.getByRole('textbox', { name: 'Date' }).press('Tab');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letters page');
  await expect(about.getByRole('combobox', { name: 'Kind' })).toHaveValue('opinion');
  await expect(about.getByRole('textbox', { name: 'Outlet' })).toHaveValue('The Valley Courier');
  await expect(about.getByRole('textbox', { name: 'Date' })).toHaveValue('2024-09-12');

  const { json, file } = await h.exportJson(page);
  const mine = json.documents.find((d) => d.source === null);
  expect(mine).toMatchObject({ kind: 'opinion', outlet: 'The Valley Courier', date: '2024-09-12' });

  // Undone a step at a time: the date goes first.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+z');
  await expect(about.getByRole('textbox', { name: 'Date' })).toHaveValue('');
  await expect(about.getByRole('textbox', { name: 'Outlet' })).toHaveValue('The Valley Courier');

  // Another browser takes the export and has the text described as it was.
  const other = await page.context().browser().newContext();
  const second = await other.newPage();
  await second.goto('./');
  await second.getByLabel('Import JSON').setInputFiles(file);
  await h.openArticle(second, 'Letters page');
  const there = second.getByRole('group', { name: 'About this text' });
  await expect(there.getByRole('combobox', { name: 'Kind' })).toHaveValue('opinion');
  await expect(there.getByRole('textbox', { name: 'Date' })).toHaveValue('2024-09-12');
  await other.close();
});
