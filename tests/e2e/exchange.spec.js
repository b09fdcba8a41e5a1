// Glossa JSON out and back in: a round trip through cleared storage, merging by id (the newer
// wins), and broken or partly bad files refused with a clear message, the saved work untouched.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const h = require('./helpers');


function importFile(page, name, contents) {
  return page.getByLabel('Import JSON').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

test('export, clear storage, import: the same annotations come back', async ({ page }) => {
  await h.annotateTwo(page);
  const { json: before, file } = await h.exportJson(page);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(h.annotationItems(page)).toHaveCount(0);

  await page.getByLabel('Import JSON').setInputFiles(file);
  await expect(page.getByRole('status')).toContainText('2 annotations taken (2 new, 0 updated, 0 already up to date)');
  await expect(h.annotationItems(page)).toHaveCount(2);
  const { json: after } = await h.exportJson(page);
  expect(after.documents).toEqual(before.documents);

  await page.reload();
  await expect(h.annotationItems(page)).toHaveCount(2);
  await expect(h.annotationItems(page).first()).toContainText('the lede');
});

test('importing merges by id: the newer updated_at wins', async ({ page }) => {
  await h.annotateTwo(page);
  const { json } = await h.exportJson(page);
  const [older, newer] = h.documentOf(json).annotations;
  older.label = 'claim';
  older.updated_at = '2000-01-01T00:00:00Z';
  newer.note = 'edited elsewhere';
  newer.updated_at = '2999-01-01T00:00:00Z';
  await importFile(page, 'merged.json', JSON.stringify(json));
  await expect(page.getByRole('status')).toContainText('(0 new, 1 updated, 1 already up to date)');
  await expect(h.annotationItems(page).nth(0)).toContainText('Denial');
  await expect(h.annotationItems(page).nth(1)).toContainText('edited elsewhere');
});

test('a broken file is refused with a clear message and the saved work stays as it was', async ({ page }) => {
  await h.annotateTwo(page);
  const saved = await h.savedState(page);
  const { json } = await h.exportJson(page);

  const cases = [
    ['broken.json', '{"format": "glossa-annotations", "version": 1, "documents": [', /not valid JSON \(line 1, column \d+/],
    ['other.json', JSON.stringify({ ...json, format: 'doccano' }), /"format" is "doccano", not "glossa-annotations"/],
    ['future.json', JSON.stringify({ ...json, version: 9 }), /its version is 9/],
  ];
  const changedText = structuredClone(json);
  // Another text, and quotes that are nowhere in ours: nothing can be placed.
  h.documentOf(changedText).text_sha256 = '0'.repeat(64);
  h.documentOf(changedText).annotations.forEach((a) => { a.quote += ' (elsewhere)'; });
  cases.push(['changed.json', JSON.stringify(changedText), /2 annotations refused/]);
  const outOfRange = structuredClone(json);
  h.documentOf(outOfRange).annotations.forEach((a) => { a.end = 99999; a.id += '-x'; });
  cases.push(['range.json', JSON.stringify(outOfRange), /2 annotations refused/]);

  for (const [name, contents, expected] of cases) {
    await importFile(page, name, contents);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Nothing was imported from “${name}”`);
    await expect(alert).toContainText(expected);
    expect(await h.savedState(page)).toBe(saved);
  }
  await expect(page.getByRole('alert')).toContainText('annotations[0]: end 99999 is past the end of the text (4087 code points)');
  await page.reload();
  await expect(h.annotationItems(page)).toHaveCount(2);
});

test('a partly bad file takes the valid annotations and says why the others were refused', async ({ page }) => {
  await h.annotateTwo(page);
  const { json } = await h.exportJson(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // The file goes in once the app runs, not into the first screen's input before it.
  await h.articleReady(page);
  const annotations = h.documentOf(json).annotations;
  annotations[1].label = 'rumour';
  await importFile(page, 'partly.json', JSON.stringify(json));
  const status = page.getByRole('status');
  await expect(status).toContainText('Imported “partly.json”: 1 annotation taken (1 new, 0 updated, 0 already up to date); 1 refused.');
  await expect(status).toContainText('annotations[1]: its label "rumour" is not one of this Glossa\'s labels');
  await expect(h.annotationItems(page)).toHaveCount(1);
});

test('the export lists every document and its offsets match the bundled texts', async ({ page }) => {
  await h.annotateTwo(page);
  await h.openArticle(page, 'Iran’s Ballistic Missile Transfers to Russia Draw G7 Condemnation');
  await h.drag(page, 'G7 foreign ministers condemned', 'ballistic missiles to Russia');
  await page.keyboard.press('1');
  const { file, json } = await h.exportJson(page);
  expect(fs.readFileSync(file, 'utf8')).toContain('\n  "format": "glossa-annotations",\n');
  expect(json.labels.map((l) => l.name)).toEqual(['Claim', 'Denial', 'Sanction']);
  expect(json.documents.map((d) => d.source)).toEqual(fs.readdirSync(`${__dirname}/../../assets/articles`).sort());
  let checked = 0;
  for (const doc of json.documents) {
    const text = h.articleText(doc.id);
    for (const a of doc.annotations) {
      expect(h.codePointSlice(text, a.start, a.end)).toBe(a.quote);
      checked += 1;
    }
  }
  expect(checked).toBe(3);
});
