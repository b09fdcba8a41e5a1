// Labels: one's own label with a button and a key, renamed, recoloured, reordered and exported;
// two labels on the same characters; attribution; a version 1 file still imports.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('a label of your own gets a button and a key, can be renamed, recoloured, reordered, and travels with the export', async ({ page }) => {
  await h.freshStart(page);
  await page.getByText('Labels', { exact: true }).click();
  await page.getByLabel('New label').fill('Source');
  await page.getByRole('button', { name: 'Add label' }).click();
  const button = page.getByRole('button', { name: 'Source', exact: true });
  await expect(button).toHaveAttribute('aria-keyshortcuts', '4');

  await h.drag(page, 'Iran’s foreign minister', 'Iran’s foreign minister');
  await page.keyboard.press('4');
  await expect(h.annotationItems(page).first()).toContainText('Source');

  const row = page.getByRole('group', { name: 'Source' });
  await row.getByLabel('Name').fill('Speaker');
  await row.getByLabel('Name').press('Enter');
  await expect(page.getByRole('button', { name: 'Speaker', exact: true })).toBeVisible();
  await expect(h.annotationItems(page).first()).toContainText('Speaker');
  await expect(page.getByRole('article').locator('mark')).toHaveAttribute('title', 'Speaker');

  const speaker = page.getByRole('group', { name: 'Speaker' });
  await speaker.getByLabel('Colour').fill('#884ea0');
  await speaker.getByLabel('Key').fill('s');
  await speaker.getByLabel('Key').press('Enter');
  await speaker.getByRole('button', { name: 'Move up' }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Labels' });
  await expect(toolbar.getByRole('button')).toHaveText(['Claim1', 'Denial2', 'Speakers', 'Sanction3']);

  // A key another label has is refused, and the field shows the saved key again.
  await speaker.getByLabel('Key').fill('1');
  await speaker.getByLabel('Key').press('Enter');
  await expect(page.getByRole('alert')).toContainText('The key “1” already applies Claim.');
  await expect(speaker.getByLabel('Key')).toHaveValue('s');

  const { json, file } = await h.exportJson(page);
  expect(json.version).toBe(5);
  expect(json.labels[2]).toEqual({ id: 'source', name: 'Speaker', color: '#884ea0', key: 's' });

  // A fresh browser that imports the file gets the label too.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('button', { name: 'Speaker', exact: true })).toHaveCount(0);
  await page.getByLabel('Import JSON').setInputFiles(file);
  // Chosen right after the reload, the file is read once the app runs and the reading part has
  // come: more than 5 s in a clean-clone CI run under load.
  await expect(page.getByRole('status')).toContainText('new labels: Speaker', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Speaker', exact: true })).toHaveAttribute('aria-keyshortcuts', 's');
  await expect(h.annotationItems(page).first()).toContainText('Speaker');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Speaker', exact: true })).toBeVisible();
});

test('the same characters can carry two labels, and the display shows both', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await page.keyboard.press('2');
  await page.keyboard.press('Escape');
  await h.drag(page, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await page.keyboard.press('1');
  await expect(h.annotationItems(page)).toHaveCount(2);
  const mark = page.getByRole('article').locator('mark', { hasText: 'Iran dismisses allegations' });
  await expect(mark).toHaveAttribute('title', /Denial/);
  await expect(mark).toHaveAttribute('title', /Claim/);
  // The names are drawn on the highlight itself, not left to colour alone.
  await expect(mark).toHaveAttribute('data-tags', /Denial · Claim|Claim · Denial/);
  const tag = await mark.evaluate((e) => getComputedStyle(e, '::before').content);
  expect(tag).toMatch(/Denial · Claim|Claim · Denial/);
  const shadow = await mark.evaluate((e) => getComputedStyle(e).boxShadow);
  expect(shadow.match(/inset/g)).toHaveLength(2);
});

test('attribution is shown in the list and exported as attributed_to', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await page.getByRole('textbox', { name: 'Attributed to' }).click();
  await page.keyboard.type('Iran’s foreign minister');
  await expect(page.getByRole('textbox', { name: 'Attributed to' })).toBeFocused();
  await expect(h.annotationItems(page).first()).toContainText('— Iran’s foreign minister');
  const { json } = await h.exportJson(page);
  expect(h.documentOf(json).annotations[0].attributed_to).toBe('Iran’s foreign minister');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Attributed to' })).toHaveValue('');
});

test('a version 1 file still imports', async ({ page }) => {
  await h.freshStart(page);
  const text = h.articleText(h.ARTICLE);
  const quote = 'Iran has NOT delivered ballistic missiles to Russia';
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  const v1 = {
    format: 'glossa-annotations', version: 1, exported_at: '2026-11-22T10:00:00Z',
    labels: [{ id: 'denial', name: 'Denial', color: '#d55e00' }],
    documents: [{
      id: h.ARTICLE, title: 'x', source: `${h.ARTICLE}.txt`,
      text_sha256: '6b0af9d08f5f5dd8582812fdfdfee2c1daed213431d0246c045152e8211ad6a6', length: 4087,
      annotations: [{ id: 'from-v1', label: 'denial', start, end: start + Array.from(quote).length, quote, note: '', created_at: '2026-11-22T10:00:00Z', updated_at: '2026-11-22T10:00:00Z' }],
    }],
  };
  await page.getByLabel('Import JSON').setInputFiles({ name: 'v1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v1)) });
  await expect(page.getByRole('status')).toContainText('1 annotation taken (1 new');
  await expect(h.annotationItems(page).first()).toContainText(quote);
  expect(start).toBe(2941);
});
