// Searching every document at once: the matches are what a plain search of the texts finds,
// each opens its passage, and Label every match labels exactly those, as one undoable step.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const ARTICLES = fs.readdirSync(path.join(__dirname, '..', '..', 'assets', 'articles')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

/** Where `pattern` matches `text`, in code points, as a plain search of the text finds it. */
function plainMatches(text, pattern) {
  return [...text.matchAll(pattern)].map((m) => {
    const start = Array.from(text.slice(0, m.index)).length;
    return [start, start + Array.from(m[0]).length];
  });
}

/** The articles where `pattern` matches, each with its title as the list of articles shows it. */
async function expected(page, pattern) {
  const titles = await page.getByRole('navigation', { name: 'Articles' }).locator('.nav-title').allTextContents();
  return ARTICLES.map((id, at) => ({ id, title: titles[at], ranges: plainMatches(h.articleText(id), pattern) })).filter((d) => d.ranges.length > 0);
}

const searchBox = (page) => page.getByRole('searchbox', { name: 'Search all documents' });
const matches = (page) => page.getByRole('list', { name: 'Matches' });

test('a search of every document finds what a plain search of the texts finds, and Label every match labels exactly those', async ({ page }) => {
  await h.freshStart(page);
  // The shortcut opens the search with its box focused.
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search all documents');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('missile');

  const anywhere = await expected(page, /missile/giu);
  const total = anywhere.reduce((n, d) => n + d.ranges.length, 0);
  expect(total).toBeGreaterThan(10);
  await expect(page.getByRole('status').filter({ hasText: /matches? in/ })).toHaveText(`${total} matches in ${anywhere.length} documents`);
  await expect(matches(page).getByRole('heading', { level: 2 })).toHaveText(anywhere.map((d) => `${d.title} (${d.ranges.length})`));
  await expect(matches(page).getByRole('button')).toHaveCount(total);

  // Whole words: "missiles" and "missile-related" are words of their own.
  await page.getByRole('checkbox', { name: 'Whole words' }).check();
  const words = await expected(page, /(?<![\p{L}\p{N}])missile(?![\p{L}\p{N}])/giu);
  const wordCount = words.reduce((n, d) => n + d.ranges.length, 0);
  expect(wordCount).toBeLessThan(total);
  await expect(matches(page).getByRole('button')).toHaveCount(wordCount);
  for (const d of words) {
    await expect(page.getByRole('list', { name: `Matches in ${d.title}` }).getByRole('button')).toHaveCount(d.ranges.length);
  }

  // Labelling every match says how many first, and does nothing until asked.
  await page.getByRole('combobox', { name: 'Label' }).selectOption('Claim');
  await page.getByRole('button', { name: 'Label every match' }).click();
  const asked = page.getByRole('group', { name: 'Label every match?' });
  await expect(asked).toHaveText(new RegExp(`^Label ${wordCount} matches of “missile” in ${words.length} documents as Claim\\?`));
  const yes = asked.getByRole('button', { name: `Label ${wordCount} matches` });
  await expect(yes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Claim added to ${wordCount} matches of “missile”` }).first()).toBeVisible();

  const { json } = await h.exportJson(page);
  for (const id of ARTICLES) {
    const want = words.find((d) => d.id === id)?.ranges ?? [];
    const made = h.documentOf(json, id).annotations.map((a) => [a.start, a.end, a.label, a.quote.toLowerCase()]);
    expect(made).toEqual(want.map(([s, e]) => [s, e, 'claim', 'missile']));
  }

  // Asked again, every match is labelled so already: nothing to add.
  await page.getByRole('button', { name: 'Label every match' }).click();
  await expect(asked).toHaveText(/^Every match of “missile” is labelled Claim already\./);
  await asked.getByRole('button', { name: 'Close' }).click();

  // One step undoes them all.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undone = await h.exportJson(page);
  expect(undone.json.documents.every((d) => d.annotations.length === 0)).toBe(true);

  // A match opens its passage, selected; the search is kept for the way back.
  const second = words[1];
  await page.getByRole('list', { name: `Matches in ${second.title}` }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);
  await expect.poll(() => page.evaluate(() => window.getSelection().toString())).toBe(h.codePointSlice(h.articleText(second.id), ...second.ranges[0]));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(searchBox(page)).toHaveValue('missile');
  await expect(page.getByRole('checkbox', { name: 'Whole words' })).toBeChecked();
});

test('a search ignores accents and case as chosen, in texts of one’s own too, and finds nothing in an empty query', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Paste text').fill('Notes from Tehrān 🚀\nThe Café in TEHRAN; the cafe in Tehran.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notes from Tehrān 🚀');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/every document is searched/)).toBeVisible();
  await searchBox(page).fill('tehran');
  const mine = page.getByRole('list', { name: 'Matches in Notes from Tehrān 🚀' });
  await expect(mine.getByRole('button')).toHaveText([/Notes from Tehrān/, /TEHRAN/, /in Tehran\./]);
  await page.getByRole('checkbox', { name: 'Ignore accents' }).uncheck();
  await expect(mine.getByRole('button')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Ignore case' }).uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'No matches' })).toHaveText('No matches of “tehran”');
  await searchBox(page).fill('Café');
  await expect(mine.getByRole('button')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Ignore accents' }).check();
  await page.getByRole('checkbox', { name: 'Ignore case' }).check();
  await expect(mine.getByRole('button')).toHaveText([/The Café in/, /the cafe in/]);
  await expect(mine.locator('mark')).toHaveText(['Café', 'cafe']);

  // Labelled, the match's offsets are code points, past the emoji.
  await page.getByRole('combobox', { name: 'Label' }).selectOption('Sanction');
  await page.getByRole('button', { name: 'Label every match' }).click();
  await page.getByRole('button', { name: 'Label 2 matches' }).click();
  const { json } = await h.exportJson(page);
  const doc = json.documents.find((d) => d.source === null);
  for (const a of doc.annotations) expect(h.codePointSlice(doc.text, a.start, a.end).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')).toBe('cafe');
  expect(doc.annotations).toHaveLength(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the search fits the screen: nothing wider than it, and the question in view above the label bar', async ({ page }) => {
    await h.freshStart(page);
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('button', { name: 'Search', exact: true }).tap();
    await searchBox(page).fill('sanctions');
    await expect(matches(page).getByRole('button').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const box of await matches(page).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON()))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    await page.getByRole('button', { name: 'Label every match' }).tap();
    const yes = page.getByRole('group', { name: 'Label every match?' }).getByRole('button', { name: /^Label \d+ matches$/ });
    await expect(yes).toBeInViewport();
    const bar = await page.getByRole('toolbar', { name: 'Labels' }).boundingBox();
    const button = await yes.boundingBox();
    expect(button.y + button.height).toBeLessThanOrEqual(bar.y);
    expect(await h.seriousViolations(page)).toEqual([]);
  });
});
