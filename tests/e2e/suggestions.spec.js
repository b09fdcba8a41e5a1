// Suggestions: spans a file or a word list offers, drawn apart, counted, and decided one at a time
// by keyboard (Enter accepts, Delete rejects) or a label's all at once. Accepting makes an
// annotation with the file's exact offsets; rejecting leaves nothing; nothing is work without a
// decision, and what waits is kept across a reload.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const region = (page) => page.getByRole('region', { name: /^Suggestions/ });
const painted = (page) => page.evaluate(() => CSS.highlights.get('suggestion')?.size ?? 0);

/** `[start, end)` in code points of the first `needle` in `text`. */
function spanOf(text, needle) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return [start, start + Array.from(needle).length];
}

test('suggestions from a doccano file: accepted ones become annotations at their exact offsets, rejected ones leave nothing', async ({ page }) => {
  await h.freshStart(page);
  const text = h.articleText(h.ARTICLE);
  const offered = [['Iran vehemently denies', 'Denial'], ['ballistic missiles to Russia', 'Claim'], ['New sanctions announced', 'Sanction']];
  const spans = offered.map(([needle, label]) => [...spanOf(text, needle), label]);
  const line = JSON.stringify({ id: 'x', text, label: spans });
  await page.getByLabel('Import as suggestions').setInputFiles({ name: 'model.jsonl', mimeType: 'application/json', buffer: Buffer.from(line + '\n') });

  await expect(page.getByRole('status').filter({ hasText: '3 suggestions from “model.jsonl”' }).first()).toBeVisible();
  await expect(region(page).getByRole('heading')).toHaveText('Suggestions (3)');
  await expect(region(page).getByRole('list', { name: 'Suggestions in this document' }).getByRole('listitem')).toHaveText([
    /^Denial\s*Iran vehemently denies\s*from model\.jsonl/, /^Claim\s*ballistic missiles to Russia/, /^Sanction\s*New sanctions announced/,
  ]);
  // Drawn apart from annotations, and not work yet.
  await expect.poll(() => painted(page)).toBe(3);
  await expect(page.getByRole('article').locator('mark')).toHaveCount(0);
  expect(h.documentOf((await h.exportJson(page)).json).annotations).toEqual([]);

  // Enter on a focused suggestion accepts it, and the keyboard moves on to the next.
  const items = region(page).getByRole('list', { name: 'Suggestions in this document' }).getByRole('listitem');
  await items.first().focus();
  await page.keyboard.press('Enter');
  await expect(region(page).getByRole('heading')).toHaveText('Suggestions (2)');
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toHaveAccessibleName('Claim: “ballistic missiles to Russia”');
  // What waits is kept across a reload.
  await page.reload();
  await h.articleReady(page);
  await expect(region(page).getByRole('heading')).toHaveText('Suggestions (2)');
  await expect.poll(() => painted(page)).toBe(2);
  // Delete rejects one; a label's all at once accepts the rest.
  await items.first().focus();
  await page.keyboard.press('Delete');
  await expect(region(page).getByRole('heading')).toHaveText('Suggestions (1)');
  await region(page).getByRole('button', { name: 'Accept all 1 Sanction' }).click();
  await expect(region(page)).toHaveCount(0);
  await expect.poll(() => painted(page)).toBe(0);

  const made = h.documentOf((await h.exportJson(page)).json).annotations.map((a) => [a.start, a.end, a.label, a.quote]);
  expect(made).toEqual([
    [spans[0][0], spans[0][1], 'denial', 'Iran vehemently denies'],
    [spans[2][0], spans[2][1], 'sanction', 'New sanctions announced'],
  ]);
  // Each acceptance is a change of the work, undone like any other.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  expect(h.documentOf((await h.exportJson(page)).json).annotations).toHaveLength(1);

  // The same file again suggests only what is not annotated so already.
  await page.getByLabel('Import as suggestions').setInputFiles({ name: 'model.jsonl', mimeType: 'application/json', buffer: Buffer.from(line + '\n') });
  await expect(page.getByRole('status').filter({ hasText: '2 suggestions from “model.jsonl” (1 annotated so already passed over)' }).first()).toBeVisible();
});

test('a word list suggests every whole word in every document, and a label’s all are accepted at once', async ({ page }) => {
  await h.freshStart(page);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('Suggest from a word list').click();
  await page.getByRole('textbox', { name: 'Words to suggest (one a line)' }).fill('sanctions\nG7');
  await page.getByRole('combobox', { name: 'Label to suggest' }).selectOption('Sanction');
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();

  const whole = /(?<![\p{L}\p{N}])(sanctions|G7)(?![\p{L}\p{N}])/giu;
  const everywhere = [0, 1, 2, 3, 4].map((n) => h.articleText(['000_cfc69700117ac758', '001_0498907b85d31520', '002_e1ccba8a638ce329', '003_1b9cfbb7f56d177f', '004_de3ecafd94c781bd'][n]).match(whole)?.length ?? 0);
  const total = everywhere.reduce((a, b) => a + b, 0);
  await expect(page.getByRole('status').filter({ hasText: `${total} suggestions from the word list` }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Back to reading' }).click();
  await h.articleReady(page);
  const here = everywhere[4];
  await expect(region(page).getByRole('heading')).toHaveText(`Suggestions (${here} here, ${total - here} in other documents)`);
  await region(page).getByRole('button', { name: `Accept all ${here} Sanction` }).click();
  const made = h.documentOf((await h.exportJson(page)).json).annotations;
  expect(made).toHaveLength(here);
  for (const a of made) expect(['sanctions', 'g7']).toContain(h.codePointSlice(h.articleText(h.ARTICLE), a.start, a.end).toLowerCase());
  await expect(region(page).getByRole('heading')).toHaveText(`Suggestions (0 here, ${total - here} in other documents)`);
  expect(await h.seriousViolations(page)).toEqual([]);
});
