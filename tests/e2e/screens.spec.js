// Screens other than the desktop one the other specs use. A phone held upright, by touch: the
// article on the first screen, the rest behind Menu, the label buttons at the bottom under the
// thumb, a selection labelled by a tap, a highlight tapped to relabel. A wide screen whose
// masthead wraps: the side panels stick below it.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');


/** Selects the first occurrence of `quote` as a long press and the selection handles leave it. */
async function touchSelect(page, quote) {
  await page.evaluate((quote) => {
    const article = document.querySelector('article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(quote);
      if (at >= 0) return getSelection().setBaseAndExtent(node, at, node, at + quote.length);
    }
    throw new Error(`not found: ${quote}`);
  }, quote);
}

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('at 390 × 844 the article is on the first screen and the rest is behind Menu', async ({ page }) => {
    await h.freshStart(page);
    // Its title and at least 200 px of its text above the label bar, with no scrolling.
    const article = await page.getByRole('article').boundingBox();
    const bar = await page.getByRole('toolbar', { name: 'Labels' }).boundingBox();
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    expect(article.y + 200).toBeLessThan(bar.y);
    await expect(page.getByRole('button', { name: 'Export JSON' })).toBeHidden();

    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Export JSON', 'Import JSON', 'Shortcuts', 'Claims board']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(page.getByText('Labels', { exact: true })).toBeVisible();
    await expect(page.getByText('Settings', { exact: true })).toBeVisible();
    await menu.tap();
    await expect(page.getByRole('button', { name: 'Export JSON' })).toBeHidden();
    expect(await h.seriousViolations(page)).toEqual([]);
  });

  test('by touch: a selection labelled by a tap on the bar at the bottom, a highlight tapped and relabelled, and nothing moves', async ({ page }) => {
    await h.freshStart(page);
    const labels = page.getByRole('toolbar', { name: 'Labels' });
    const bar = await labels.boundingBox();
    expect(bar.y + bar.height).toBeGreaterThan(844 - 2);
    const where = () => page.getByRole('article').evaluate((article) => article.getBoundingClientRect().top);
    const before = await where();

    await touchSelect(page, 'Iran vehemently denies');
    await labels.getByRole('button', { name: 'Denial' }).tap();
    await expect(h.annotationItems(page)).toHaveCount(1);
    await expect(page.getByRole('status')).toContainText('Denial added: “Iran vehemently denies”');
    expect(await where()).toBe(before);

    // A finger on the highlight where it is (a locator's tap would first scroll it to suit itself).
    const mark = await page.getByRole('article').locator('mark').boundingBox();
    await page.touchscreen.tap(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await expect(page.getByRole('group', { name: 'Selected annotation' })).toContainText('Iran vehemently denies');
    await labels.getByRole('button', { name: 'Claim' }).tap();
    await expect(h.annotationItems(page).first()).toContainText('Claim');
    expect(await where()).toBe(before);

    await page.getByRole('button', { name: 'Menu' }).tap();
    const { json } = await h.exportJson(page);
    const [a] = h.documentOf(json).annotations;
    expect(a.label).toBe('claim');
    expect(h.codePointSlice(h.articleText(h.ARTICLE), a.start, a.end)).toBe('Iran vehemently denies');
  });
});

test.describe('a wide screen', () => {
  test.use({ viewport: { width: 1400, height: 900 } });

  test('the side panels’ headings stay below the masthead, however far it wraps', async ({ page }) => {
    await h.freshStart(page);
    await page.mouse.wheel(0, 800);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(400);
    const masthead = await page.getByRole('banner').boundingBox();
    for (const name of ['Articles', 'Annotations']) {
      const heading = await page.getByRole('heading', { name, exact: true }).boundingBox();
      expect(heading.y).toBeGreaterThanOrEqual(masthead.y + masthead.height);
    }
  });
});

test.describe('laptops', () => {
  for (const width of [1024, 1280, 1366]) {
    test(`at ${width} wide the masthead's popovers open inside the window, wherever their row ends`, async ({ browser }) => {
      const page = await browser.newPage({ viewport: { width, height: 768 } });
      await h.freshStart(page);
      for (const summary of ['Labels', 'Settings']) {
        await page.getByText(summary, { exact: true }).click();
        const body = page.locator('details[open] > .popover-body');
        await expect(body).toBeVisible();
        await expect(body.getByRole('button').or(body.getByRole('checkbox')).first()).toBeVisible();
        const box = await body.boundingBox();
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await page.getByText(summary, { exact: true }).click();
      }
      await page.close();
    });

    test(`at ${width} wide each label's meaning shows inside the window`, async ({ browser }) => {
      const page = await browser.newPage({ viewport: { width, height: 768 } });
      await h.freshStart(page);
      const toolbar = page.getByRole('toolbar', { name: 'Labels' });
      for (const name of ['Claim', 'Denial', 'Sanction']) {
        await toolbar.getByRole('button', { name, exact: true }).hover();
        const tip = toolbar.getByRole('tooltip').filter({ hasText: `${name}:` });
        await expect(tip).toBeVisible();
        const box = await tip.boundingBox();
        expect(box.x, `${name}'s meaning begins inside the window`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${name}'s meaning ends inside the window`).toBeLessThanOrEqual(width);
      }
      await page.close();
    });
  }
});
