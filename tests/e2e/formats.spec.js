// Every export format downloads and Python finds every quote at its offsets; an export of the open
// document alone; doccano's and Label Studio's UTF-16 offsets, out and in.
const { test, expect } = require('@playwright/test');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers');

test('every export format downloads, and Python finds every quote at its offsets', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await page.getByRole('textbox', { name: 'Note' }).fill('a note, with “quotes”');
  await page.getByRole('textbox', { name: 'Attributed to' }).fill('Iran’s foreign minister');
  await page.getByRole('textbox', { name: 'Attributed to' }).press('Tab');
  await h.drag(page, 'New sanctions announced', 'within weeks');
  await page.keyboard.press('3');
  await h.openArticle(page, 'Iran’s Ballistic Missile Transfers to Russia Draw G7 Condemnation');
  await h.drag(page, 'G7 foreign ministers condemned', 'ballistic missiles to Russia');
  await page.keyboard.press('1');

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-formats-'));
  await h.openExport(page);
  const select = page.getByLabel('Export format');
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
  expect(values).toEqual(['glossa-json', 'w3c', 'doccano', 'doccano-labels', 'label-studio', 'label-studio-config', 'spacy', 'spacy-labels', 'brat', 'csv', 'csv-spreadsheets', 'csv-links']);
  for (const [at, value] of values.entries()) {
    // Chromium lets a page start ten downloads in a row; a reload lets it start ten more.
    if (at === 6) {
      await page.reload();
      await h.articleReady(page);
      await h.openExport(page);
    }
    await select.selectOption(value);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download export' }).click();
    const download = await downloadPromise;
    await download.saveAs(path.join(folder, download.suggestedFilename()));
  }
  expect(fs.readdirSync(folder).sort()).toEqual([
    'glossa-annotations-spreadsheet.csv', 'glossa-annotations.csv', 'glossa-annotations.json', 'glossa-annotations.jsonld', 'glossa-brat.zip',
    'glossa-doccano-labels.json', 'glossa-doccano.jsonl', 'glossa-label-studio-config.xml', 'glossa-label-studio.json', 'glossa-links.csv',
    'glossa-spacy-labels.json', 'glossa-spacy.jsonl',
  ]);
  const python = spawnSync('python3', [path.join(__dirname, '..', 'check_exports.py'), folder], { encoding: 'utf8' });
  expect(python.stdout).toContain('24 passed, 0 failed');
  expect(python.stdout).toContain('label-studio-config: 3 labels with their colours and meanings');
  expect(python.stdout).toContain('doccano-labels: 3 label types, every example\'s label among them');
  expect(python.stdout).toContain('spacy-labels: 3 labels, every span\'s among them');
  expect(python.status, python.stdout + python.stderr).toBe(0);
  fs.rmSync(folder, { recursive: true });
});

test('an export can cover only the open document', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await h.openExport(page);
  await page.getByLabel('Only the open document').check();
  await page.getByLabel('Export format').selectOption('doccano');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download export' }).click();
  const lines = fs.readFileSync(await (await downloadPromise).path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.id)).toEqual([h.ARTICLE]);
  expect(lines[0].label).toHaveLength(1);
  await expect(page.getByRole('status')).toContainText('Exported 1 annotations');
  const { json } = await h.exportJson(page);
  expect(json.documents.map((d) => d.id)).toEqual([h.ARTICLE]);
});

test('doccano and Label Studio files count offsets in UTF-16 units when that is chosen, out and in', async ({ page }) => {
  const text = 'Rockets 🚀 and 👨‍👩‍👧 first. Iran denies the transfer, and denies it again.';
  await h.freshStart(page);
  await page.getByRole('textbox', { name: 'Paste text' }).fill(text);
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(page.getByRole('article')).toContainText('Rockets');
  await h.articleReady(page);
  await h.label(page, ['Iran denies', 'the transfer', '2']);
  await h.label(page, ['denies the', 'transfer', '1']);
  await h.openExport(page);
  const unit = page.getByLabel('Offsets in doccano and Label Studio files');
  await expect(unit).toHaveValue('code-points');
  await unit.selectOption('utf-16');
  await page.getByLabel('Only the open document').check();
  await page.getByLabel('Export format').selectOption('doccano');
  const doccano = await h.download(page, () => page.getByRole('button', { name: 'Download export' }).click());
  const line = JSON.parse(doccano.text.trim());
  // JavaScript's slice counts UTF-16 units, as doccano's editor does.
  expect(line.label.map(([start, end]) => line.text.slice(start, end)).sort()).toEqual(['Iran denies the transfer', 'denies the transfer']);
  expect(line.label.map(([start]) => start)).toContain(text.indexOf('Iran denies'));
  await expect(page.getByRole('status')).toContainText('2 of its spans overlap others: doccano drops them on import');

  await page.reload();
  await h.articleReady(page);
  await h.openExport(page);
  await expect(unit).toHaveValue('utf-16');
  const start = text.indexOf('again');
  const tasks = [{ data: { text }, annotations: [{ result: [{ type: 'labels', from_name: 'label', to_name: 'text', value: { start, end: start + 5, text: 'again', labels: ['Claim'] } }] }] }];
  await page.getByLabel('Import JSON').setInputFiles({ name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks)) });
  await expect(page.getByRole('status')).toContainText('1 annotation taken (1 new');
  // Taken at its offsets, not found again by its quote.
  await expect(page.getByRole('status')).not.toContainText('placed by their quote');
  await expect(h.annotationItems(page).filter({ hasText: 'again' })).toHaveCount(1);
});

test('the dataset tools fold into one Export menu that opens over the page and closes with Escape or a click elsewhere', async ({ page }) => {
  await h.freshStart(page);
  const menu = page.getByRole('button', { name: 'Export', exact: true });
  const tools = page.getByRole('group', { name: 'Export for dataset tools' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(tools).toBeHidden();
  await expect(page.getByLabel('Export format')).toBeHidden();
  // Its items keep their names.
  const closed = await page.locator('header.masthead').boundingBox();
  await menu.click();
  await expect(tools.getByRole('combobox', { name: 'Export format' })).toBeVisible();
  await expect(tools.getByRole('combobox', { name: 'Offsets in doccano and Label Studio files' })).toBeVisible();
  await expect(tools.getByRole('checkbox', { name: 'Only the open document' })).toBeVisible();
  await expect(tools.getByRole('button', { name: 'Download export' })).toBeVisible();
  // Over the page: the masthead does not grow, and the menu is whole on the screen.
  const open = await page.locator('header.masthead').boundingBox();
  expect(open.height).toBe(closed.height);
  const box = await tools.boundingBox();
  const view = page.viewportSize();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  expect(box.y + box.height).toBeGreaterThan(open.y + open.height);
  await tools.getByRole('combobox', { name: 'Export format' }).focus();
  await page.keyboard.press('Escape');
  await expect(tools).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await expect(tools).toBeVisible();
  await page.getByRole('article').click({ position: { x: 5, y: 5 } });
  await expect(tools).toBeHidden();
});
