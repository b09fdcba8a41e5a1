// A long document (1,500 paragraphs) keeps only what is on screen in the DOM; everything that
// brings text on screen or reaches across it still works: scrolling, find, walking the
// highlights, a selection across paragraphs scrolled away, the remembered reading place.
const { test, expect } = require('@playwright/test');
const crypto = require('node:crypto');
const h = require('./helpers');

const PARAGRAPHS = 1500;
const FILLER = 'Officials said the shipment of ballistic missiles to Russia was denied by Iran, and sanctions followed. ';

function longDocument() {
  const lines = [];
  for (let p = 0; p < PARAGRAPHS; p++) {
    // Lengths vary, so that estimated heights differ from measured ones.
    lines.push(`Paragraph ${String(p).padStart(4, '0')} begins here. ${FILLER.repeat(1 + (p * 7) % 5)}Café 🚀 ends it.`);
  }
  const text = lines.join('\n');
  const starts = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += Array.from(line).length + 1;
  }
  // One claim on the first words of every 50th paragraph.
  const annotations = [];
  for (let p = 0; p < PARAGRAPHS; p += 50) {
    annotations.push({ id: `long-${p}`, label: 'claim', start: starts[p], end: starts[p] + 14, quote: lines[p].slice(0, 14),
      note: p === 1450 ? 'The last claim, far below the screen.' : '', attributed_to: '', created_at: '2026-11-22T10:00:00.000Z', updated_at: '2026-11-22T10:00:00.000Z' });
  }
  const file = {
    format: 'glossa-annotations', version: 2, exported_at: '2026-11-22T10:00:00Z', labels: [],
    documents: [{ id: 'long', title: 'Long report', source: null, text_sha256: crypto.createHash('sha256').update(text).digest('hex'),
      length: Array.from(text).length, text, annotations }],
  };
  return { lines, starts, annotations, file: JSON.stringify(file) };
}

const long = longDocument();
const paragraphs = (page) => page.locator('article p[data-paragraph]');

test.beforeEach(async ({ page }) => {
  await h.freshStart(page);
  await page.getByLabel('Import JSON').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(long.file) });
  await expect(page.getByRole('status')).toContainText(`${long.annotations.length} annotations taken`);
  await h.openArticle(page, 'Long report');
});

test('only the paragraphs on screen are drawn, and scrolling draws the others', async ({ page }) => {
  await expect(page.getByText('Paragraph 0000 begins here.')).toBeInViewport();
  const drawn = await paragraphs(page).count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(120);
  expect(await page.evaluate(() => document.querySelectorAll('article *').length)).toBeLessThan(1000);

  // Heights not yet measured are estimates: the end is where the page ends once they are.
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.getByText(`Paragraph ${PARAGRAPHS - 1} begins here.`)).toBeInViewport({ timeout: 500 });
  }).toPass();
  expect(await paragraphs(page).count()).toBeLessThan(120);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByText('Paragraph 0000 begins here.')).toBeInViewport();
});

test('find brings a match far down the document on screen', async ({ page }) => {
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await find.fill('Paragraph 1234');
  await expect(page.getByRole('search', { name: 'Find in article' })).toContainText('1 match');
  await find.press('Enter');
  await expect(page.locator('article .found')).toBeInViewport();
  await expect(page.locator('article .found')).toHaveText('Paragraph 1234');
});

test('the keys walk the highlights to the end of the document and back', async ({ page }) => {
  await page.getByRole('article').focus();
  await page.keyboard.press('[');
  const last = long.annotations[long.annotations.length - 1];
  await expect(page.getByRole('status')).toContainText(`“${last.quote}” (${long.annotations.length} of ${long.annotations.length})`);
  await expect(page.locator('article mark.selected')).toBeInViewport();
  await expect(page.locator('article mark.selected')).toHaveText(last.quote);
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  await expect(page.locator('article mark.selected')).toHaveText(long.annotations[0].quote);
  await expect(page.locator('article mark.selected')).toBeInViewport();
});

test('a selection reaches across paragraphs scrolled out of sight', async ({ page }) => {
  // A mouse drag that scrolls down by several screens before letting go.
  const start = await h.pointAt(page, 'Paragraph 0003');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 100, start.y + 30, { steps: 3 });
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 600);
    await h.nextFrame(page);
  }
  await page.mouse.move(start.x + 200, 450, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByText('Paragraph 0003 begins here.')).not.toBeInViewport();
  await page.keyboard.press('1');
  await expect(page.getByRole('status')).toContainText('Claim added');

  // And with the keyboard, from a few words dragged over: 40 lines further down, past what was
  // drawn when it began.
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await find.fill('Paragraph 0101');
  await find.press('Enter');
  await find.press('Escape');
  await h.drag(page, 'Paragraph 0101', 'Paragraph 0101 begins');
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('2');
  await expect(page.getByRole('status')).toContainText('Denial added');

  const { json } = await h.exportJson(page);
  const document = json.documents.find((d) => d.title === 'Long report');
  const text = Array.from(document.text);
  const added = document.annotations.filter((a) => !a.id.startsWith('long-'));
  const claim = added.find((a) => a.label === 'claim');
  const denial = added.find((a) => a.label === 'denial');
  expect(claim.start).toBe(long.starts[3]);
  expect(claim.end).toBeGreaterThan(long.starts[15]);
  expect(denial.start).toBe(long.starts[101]);
  // To the start of the 41st line on, less the line break, which labelling trims.
  expect(denial.end).toBe(long.starts[141] - 1);
  for (const a of added) expect(text.slice(a.start, a.end).join('')).toBe(a.quote);
});

test('a reload comes back to the paragraph that was at the top', async ({ page }) => {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.6));
  await h.nextFrame(page);
  await h.nextFrame(page);
  // The reading place is saved once scrolling has settled: the paragraph at the top, and how far
  // into it the screen begins.
  const atTop = () => page.evaluate(() => {
    const top = [...document.querySelectorAll('article p[id^="p-"]')].find((p) => p.getBoundingClientRect().bottom > 0);
    return [Number(top.id.slice(2)), Math.round(-top.getBoundingClientRect().top)];
  });
  const saved = () => page.evaluate((key) => {
    const id = location.hash.split('/').pop();
    const place = JSON.parse(localStorage.getItem(key) || '{}').places?.[id]?.at_top;
    return place && [place[0], Math.round(place[1])];
  }, h.KEYS.view);
  await expect.poll(async () => JSON.stringify(await saved()) === JSON.stringify(await atTop())).toBe(true);
  const before = await saved();
  expect(before[0]).toBeGreaterThan(100_000);
  await page.reload();
  await h.articleReady(page);
  const paragraph = page.locator(`article p[id="p-${before[0]}"]`);
  await expect(paragraph).toBeInViewport();
  await expect.poll(() => paragraph.evaluate((p, into) => Math.abs(-p.getBoundingClientRect().top - into), before[1])).toBeLessThanOrEqual(2);
});

test('printed, the whole document is drawn and a highlight far below the screen carries its footnote', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The browser prints what its beforeprint listeners (and the tasks they queue) leave drawn.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(paragraphs(page)).toHaveCount(PARAGRAPHS);
  const last = page.getByRole('article').locator('mark[data-annotations="long-1450"]');
  await expect(last).toHaveAttribute('data-footnote', '1');
  await expect(page.getByRole('region', { name: 'Notes' }).getByRole('listitem')).toHaveText(['Claim “Paragraph 1450”. The last claim, far below the screen.']);

  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(() => paragraphs(page).count()).toBeLessThan(120);
  expect(errors).toEqual([]);
});
