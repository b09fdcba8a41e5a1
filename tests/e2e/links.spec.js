// Links: a denial in one article linked, by keyboard, to the claim it denies in another; shown in
// the editor, on the board and in the text; kept through reload, undo, export and import.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const FURIOUS = '003_1b9cfbb7f56d177f';
const CLAIM = ['the delivery of short-range', 'ballistic missiles', '1'];
const DENIAL = ['Iran vehemently denies', 'ballistic missiles to Russia', '2'];

test('a denial is linked to the claim it denies in another article, and the link lasts', async ({ page, browser }) => {
  await h.freshStart(page, `#/a/${FURIOUS}`);
  await h.label(page, CLAIM);
  await h.openArticle(page, 'Iran Addresses Controversial Allegations');
  await h.label(page, DENIAL);

  // By keyboard: "Link to…" opens the claims by quote, the first is chosen, Tab reaches "Link".
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await editor.getByRole('button', { name: 'Link to…' }).focus();
  await page.keyboard.press('Enter');
  const choice = editor.getByRole('combobox', { name: 'Claim to link to' });
  await expect(choice).toBeFocused();
  await expect(choice.getByRole('option')).toHaveCount(1);
  await expect(choice.getByRole('option')).toHaveText(/^“the delivery of short-range ballistic missiles” — US Furious/);
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: 'Link', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const said = 'denies → “the delivery of short-range ballistic missiles” in US Furious About Iran’s Missile Transfers to Russia';
  await expect(editor.getByRole('list', { name: 'Links' })).toHaveText(new RegExp(`^${said}`));
  await expect(page.getByRole('status')).toContainText('Linked to “the delivery of short-range ballistic missiles”');
  // In the text: the highlight's tag and title say what it denies.
  const mark = page.getByRole('article').locator('mark[data-tags]').first();
  await expect(mark).toHaveAttribute('data-tags', 'Denial → denies “the delivery of short-ra…”');
  // Then what the label means, as its button says it.
  await expect(mark).toHaveAttribute('title', /^Denial → denies “the delivery of short-range ballistic missiles”\nDenial: A statement by someone that a claim is false/);

  // On the board, beside the denial.
  await page.getByRole('button', { name: 'Claims board' }).click();
  const board = page.getByRole('table', { name: 'Claims board' });
  await expect(board.getByRole('row', { name: /Iran vehemently denies/ })).toContainText(said);
  // A claim links only to another claim (the same claim elsewhere): here there is none.
  const claimRow = board.getByRole('row', { name: /the delivery of short-range/ });
  await claimRow.getByRole('button', { name: 'Link to…' }).click();
  await expect(claimRow).toContainText('No other claim to link to yet');
  await claimRow.getByRole('button', { name: 'Cancel' }).click();
  await board.getByRole('row', { name: /Iran vehemently denies/ }).getByRole('button', { name: 'Link to…' }).click();
  await expect(board.getByRole('combobox', { name: 'Claim to link to' })).toBeFocused();
  expect(await h.seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Back to reading' }).click();

  // Undo takes the link away, redo brings it back; both survive a reload.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toContainText('Undone: Linked to');
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('link', { name: /Iran Addresses/ }).click();
  await h.annotationItems(page).filter({ hasText: 'Iran vehemently denies' }).getByRole('button').click();
  await expect(editor.getByRole('list', { name: 'Links' })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.getByRole('list', { name: 'Links' })).toHaveText(new RegExp(`^${said}`));
  await page.reload();
  await expect(page.getByRole('article')).toBeVisible();
  await h.annotationItems(page).filter({ hasText: 'Iran vehemently denies' }).getByRole('button').click();
  await expect(editor.getByRole('list', { name: 'Links' })).toHaveText(new RegExp(`^${said}`));

  // Exported: Glossa JSON holds the link on the denial; W3C as a linking annotation.
  const { file, json } = await h.exportJson(page);
  expect(json.version).toBe(5);
  const claim = json.documents.find((d) => d.id === FURIOUS).annotations[0];
  const denial = h.documentOf(json).annotations[0];
  expect(denial.links).toEqual([{ to: claim.id, relation: 'denies' }]);
  await h.openExport(page);
  await page.getByRole('combobox', { name: 'Export format' }).selectOption({ label: 'W3C Web Annotation (JSON-LD)' });
  const w3c = JSON.parse((await h.download(page, () => page.getByRole('button', { name: 'Download export' }).click())).text);
  const linking = w3c.first.items.find((item) => item.motivation === 'linking');
  expect(linking.target).toEqual([`urn:uuid:${denial.id}`, `urn:uuid:${claim.id}`]);

  // Imported into another browser, the link comes with it.
  const other = await (await browser.newContext()).newPage();
  await h.freshStart(other);
  await other.getByLabel('Import JSON').setInputFiles(file);
  await expect(other.getByRole('status')).toContainText('2 annotations taken');
  await h.annotationItems(other).filter({ hasText: 'Iran vehemently denies' }).getByRole('button').click();
  await expect(other.getByRole('group', { name: 'Selected annotation' }).getByRole('list', { name: 'Links' })).toHaveText(new RegExp(`^${said}`));
});
