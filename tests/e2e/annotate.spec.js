// Annotating with the mouse: a drag selects, a label button or key labels it, and the export's
// offsets are exact code points; overlaps, selecting a highlight, deleting, reload, hostile notes,
// hosting at the site root, and a label that moves no text.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('the article list names every article with its counts, and opens one by its fragment', async ({ page }) => {
  await page.goto('./');
  const nav = page.getByRole('navigation', { name: 'Articles' });
  await expect(nav.getByRole('link')).toHaveCount(5);
  await expect(nav.getByRole('link', { name: /Iran’s Ballistic Missile Transfers to Russia Draw G7 Condemnation/ })).toContainText('Claim 0');
  await h.openArticle(page, 'US Furious About Iran’s Missile Transfers to Russia');
  await expect(page).toHaveURL(/#\/a\/003_1b9cfbb7f56d177f$/);
  await expect(page.getByRole('article')).toContainText('United States officials have expressed strong disapproval');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('US Furious About Iran’s Missile Transfers to Russia');
});

test('a drag inside a paragraph labelled by button gives exact code point offsets in the export', async ({ page }) => {
  await h.freshStart(page);
  const quote = 'Iran’s foreign minister firmly rejects claims';
  await h.drag(page, quote, quote);
  await page.getByRole('button', { name: 'Denial', exact: true }).click();

  const items = h.annotationItems(page);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Denial');
  await expect(items.first()).toContainText(quote);
  await expect(page.getByRole('article').locator('mark')).toHaveText(quote);
  await expect(page.getByRole('status')).toContainText(`Denial added: “${quote}”`);
  await expect(page.getByRole('link', { name: /Iran Addresses Controversial/ })).toContainText('Denial 1');

  const { json } = await h.exportJson(page);
  expect(json.format).toBe('glossa-annotations');
  expect(json.version).toBe(5);
  expect(json.documents).toHaveLength(5);
  const doc = h.documentOf(json);
  const text = h.articleText(h.ARTICLE);
  expect(doc.length).toBe(Array.from(text).length);
  expect(doc.annotations).toHaveLength(1);
  const [annotation] = doc.annotations;
  expect(annotation.label).toBe('denial');
  expect(annotation.quote).toBe(quote);
  expect(h.codePointSlice(text, annotation.start, annotation.end)).toBe(quote);
  // Code points differ from UTF-16 units and bytes here: the bullet and apostrophe come before.
  expect(annotation.start).toBe(Array.from(text.slice(0, text.indexOf(quote))).length);
});

test('a drag across two paragraphs, labelled with a key, trims the whitespace at its edges', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'New sanctions announced', 'within weeks');
  await page.keyboard.press('3');
  const items = h.annotationItems(page);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Sanction');

  const { json } = await h.exportJson(page);
  const [annotation] = h.documentOf(json).annotations;
  const text = h.articleText(h.ARTICLE);
  expect(annotation.quote.startsWith('New sanctions announced')).toBe(true);
  expect(annotation.quote.endsWith('within weeks')).toBe(true);
  expect(annotation.quote).toContain('\n');
  expect(h.codePointSlice(text, annotation.start, annotation.end)).toBe(annotation.quote);
  // Both paragraphs show the highlight.
  await expect(page.getByRole('article').locator('mark')).toHaveCount(2);
});

test('a drag that starts inside a highlight makes an overlapping span; both labels show', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'U.S. and Britain accuse Iran', 'U.S. and Britain accuse Iran');
  await page.keyboard.press('1');
  await h.drag(page, 'Britain accuse Iran of supplying', 'short-range ballistic missiles');
  await page.keyboard.press('2');

  const items = h.annotationItems(page);
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('U.S. and Britain accuse Iran');
  await expect(items.nth(1)).toContainText('Britain accuse Iran of supplying short-range ballistic missiles');
  // Its title names both labels first, then what each means.
  const both = page.getByRole('article').locator('mark[title^="Claim, Denial\\A "]');
  await expect(both).toHaveText('Britain accuse Iran');

  const { json } = await h.exportJson(page);
  const text = h.articleText(h.ARTICLE);
  const annotations = h.documentOf(json).annotations;
  expect(annotations.map((a) => a.label)).toEqual(['claim', 'denial']);
  for (const a of annotations) expect(h.codePointSlice(text, a.start, a.end)).toBe(a.quote);
  expect(annotations[1].start).toBeLessThan(annotations[0].end);
});

test('a highlight is selected by a click: relabel, note and delete it with the keyboard', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await page.keyboard.press('1');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Selected annotation' })).toHaveCount(0);

  await page.getByRole('article').locator('mark').click();
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await expect(editor).toContainText('Iran dismisses allegations');
  await page.getByRole('button', { name: 'Sanction', exact: true }).click();
  await expect(h.annotationItems(page).first()).toContainText('Sanction');

  await editor.getByRole('textbox', { name: 'Note' }).fill('Iran’s denial, framed as a claim');
  await expect(h.annotationItems(page).first()).toContainText('Iran’s denial, framed as a claim');

  await page.getByRole('article').locator('mark').click();
  await page.keyboard.press('Delete');
  await expect(h.annotationItems(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Annotation deleted');
  expect(JSON.parse(await h.savedState(page)).documents).toEqual({});
});

test('the Delete button removes the annotation chosen in the list, which scrolls to it', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran Addresses Controversial', 'Iran Addresses Controversial');
  await page.keyboard.press('1');
  await h.drag(page, 'Tehran', 'Tehran', { fromOccurrence: 3, toOccurrence: 3 });
  await page.keyboard.press('2');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(h.annotationItems(page)).toHaveCount(2);

  await h.annotationItems(page).nth(1).getByRole('button').click();
  const target = page.getByRole('article').locator('mark', { hasText: 'Tehran' });
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/selected/);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(h.annotationItems(page).first()).toContainText('Iran Addresses Controversial');
});

test('a reload restores the annotations, the open article and the scroll position', async ({ page }) => {
  await h.freshStart(page, '#/a/001_0498907b85d31520');
  await h.drag(page, 'no missile was sent to Russia', 'no missile was sent to Russia');
  await page.keyboard.press('2');
  await page.evaluate(() => window.scrollTo(0, 1500));
  // The reading position is saved once scrolling has settled.
  await page.waitForFunction(([key, id]) => JSON.parse(localStorage.getItem(key) || '{}').places?.[id]?.top > 0, [h.KEYS.view, '001_0498907b85d31520']);
  await page.goto('./');
  await expect(page).toHaveURL(/#\/a\/001_0498907b85d31520$/);
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(h.annotationItems(page).first()).toContainText('no missile was sent to Russia');
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(1500);
  await page.reload();
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(1500);
});

test('a note that looks like HTML is shown as text and runs nothing', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await h.freshStart(page);
  await h.drag(page, 'Missiles', 'Missiles');
  await page.keyboard.press('1');
  const payload = '<img src=x onerror=alert(1)>';
  await page.getByRole('textbox', { name: 'Note' }).fill(payload);
  const entry = h.annotationItems(page).first();
  await expect(entry).toContainText(payload);
  await page.reload();
  await expect(h.annotationItems(page).first()).toContainText(payload);
  await expect(page.locator('img')).toHaveCount(0);
  await h.nextFrame(page);
  expect(dialogs).toEqual([]);
});

test('the build works from the site root as well as from a sub-path', async ({ page }) => {
  await page.goto('/#/a/002_e1ccba8a638ce329');
  await expect(page.getByRole('article')).toContainText('Iran has recently dispatched approximately 400 ballistic missiles');
  await expect(page.getByRole('button', { name: 'Claim', exact: true })).toHaveAttribute('aria-keyshortcuts', '1');
});

test('applying a label moves no text: the message of what was done floats over the page', async ({ page }) => {
  await h.freshStart(page);
  // At the top of the page, where the browser's scroll anchoring does not hold the text in place.
  const where = () => page.getByRole('article').evaluate((article) => article.getBoundingClientRect().top);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  const before = await where();
  await h.drag(page, 'Iran vehemently denies', 'Iran vehemently denies', { scroll: false });
  await page.keyboard.press('2');
  await expect(page.getByRole('status')).toContainText('Denial added: “Iran vehemently denies”');
  expect(await where()).toBe(before);
  // And the next, with a message already shown.
  await h.drag(page, 'supplying ballistic missiles', 'supplying ballistic missiles', { scroll: false });
  await page.keyboard.press('1');
  await expect(page.getByRole('status')).toContainText('Claim added: “supplying ballistic missiles”');
  expect(await where()).toBe(before);
});
