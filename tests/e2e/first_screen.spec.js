// The first screen is in the page the server sends (scripts/prerender.mjs): an article is painted
// before the wasm arrives, the one a returning reader left at the place it was left, and the app
// takes it over without moving a pixel and without losing a label key pressed meanwhile. The
// wasm is held back by a route here, as a slow network or a slow laptop would hold it.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const OTHER = '002_e1ccba8a638ce329';

/** Holds every request for the app's wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/glossa_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Where the shown article's heading, first paragraph, list of articles and masthead are drawn. */
function boxes(page) {
  return page.evaluate(() => {
    const shown = (selector) => [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length > 0);
    // Null for what this screen does not show (the list of articles behind a phone's Menu).
    const box = (element) => {
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 100) / 100);
    };
    return { heading: box(shown('main h1')), paragraph: box(shown('article p')), articles: box(shown('nav.articles')), masthead: box(shown('header')), scrollY };
  });
}

/** How many pixels of two screenshots (PNG) differ by more than 2 of 255 in a channel, counted in a
 *  blank page of `browser` (the app's Content-Security-Policy refuses images from data). */
async function pixelsApart(browser, one, other) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async ([one, other]) => {
      const pixels = async (png) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [a, b] = await Promise.all([pixels(one), pixels(other)]);
      if (a.length !== b.length) return Infinity;
      let apart = 0;
      for (let i = 0; i < a.length; i += 4) {
        if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2])) > 2) apart += 1;
      }
      return apart;
    }, [one.toString('base64'), other.toString('base64')]);
  } finally {
    await page.close();
  }
}

const appRunning = (page) => expect(page.locator('#first-screen')).toHaveCount(0);

test('the article is painted before the wasm arrives, and the app takes it over without moving a pixel', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const release = await holdWasm(page);
  await page.goto(`./#/a/${h.ARTICLE}`);
  await expect(page.locator('#first-screen main h1').filter({ visible: true })).toHaveText('Iran Addresses Controversial Allegations of Missile Transfers to Russia');
  await expect(page.locator('#first-screen')).toHaveCount(1);
  const before = await boxes(page);
  const pictureBefore = await page.screenshot();
  release();
  await appRunning(page);
  await h.articleReady(page);
  expect(await boxes(page)).toEqual(before);
  // Pixel for pixel, but for the last bit of a rounded corner's smoothing (a field's border was
  // seen to differ by 1 of 255 when redrawn).
  expect(await pixelsApart(browser, pictureBefore, await page.screenshot())).toBe(0);
});

test("a returning reader's article and place are the ones painted first", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.freshStart(page, `#/a/${OTHER}`);
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  // A reader who reads in the dark.
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByText('Settings', { exact: true }).click();
  await page.evaluate(() => scrollTo(0, 500));
  // The place is saved a moment after scrolling stops.
  await expect.poll(() => page.evaluate(({ key, id }) => JSON.parse(localStorage.getItem(key) || '{}').places?.[id]?.top, { key: h.KEYS.view, id: OTHER })).toBe(500);

  // What the first frame with anything on it shows, recorded as it is drawn (frames while the
  // page is still read are blank: every place of the first screen is hidden until it is chosen).
  await page.addInitScript(() => {
    const look = () => {
      const shown = [...document.querySelectorAll('body *')].some((e) => e.getClientRects().length > 0 && e.textContent.trim());
      if (!shown) return requestAnimationFrame(look);
      const heading = [...document.querySelectorAll('main h1')].find((e) => e.getClientRects().length > 0);
      window.firstFrame = { heading: heading ? heading.textContent : null, scrollY, app: document.getElementById('first-screen') ? 'not yet' : 'running',
        theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor };
    };
    requestAnimationFrame(look);
  });
  const release = await holdWasm(page);
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.firstFrame)).toBeTruthy();
  const firstFrame = await page.evaluate(() => window.firstFrame);
  const { theme, background, ...painted } = firstFrame;
  expect(painted).toEqual({ heading: title, scrollY: 500, app: 'not yet' });
  expect(theme).toBe('dark');
  release();
  await appRunning(page);
  await h.articleReady(page);
  // The app's own dark page is the one painted first.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(page.url()).toContain(`#/a/${OTHER}`);
  expect(await page.evaluate(() => scrollY)).toBe(500);
});

test('a label key pressed while the app is starting is honoured on the text it was pressed on', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const release = await holdWasm(page);
  await page.goto(`./#/a/${h.ARTICLE}`);
  await expect(page.locator('#first-screen article').filter({ visible: true })).toBeVisible();
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await expect(page.getByRole('status').filter({ hasText: 'Starting… your label follows in a moment.' })).toBeVisible();
  release();
  await appRunning(page);
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(h.annotationItems(page).first()).toContainText('Iran vehemently denies supplying ballistic missiles to Russia');
  await expect(h.annotationItems(page).first()).toContainText('Denial');
  const { json } = await h.exportJson(page);
  const [annotation] = h.documentOf(json).annotations;
  expect(h.codePointSlice(h.articleText(h.ARTICLE), annotation.start, annotation.end)).toBe('Iran vehemently denies supplying ballistic missiles to Russia');
});

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the article is painted before the wasm arrives, fits the screen, and the app takes it over without moving it', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`./#/a/${h.ARTICLE}`);
    await expect(page.locator('#first-screen main h1').filter({ visible: true })).toBeInViewport();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    expect(await fits()).toBe(true);
    const before = await boxes(page);
    release();
    await appRunning(page);
    await h.articleReady(page);
    expect(await boxes(page)).toEqual(before);
    expect(await fits()).toBe(true);
  });
});

/** An export of two annotations made, then nothing stored, and the article opened anew on a
 *  school laptop with the app's wasm held back: the first screen shown, the app not yet running.
 *  Gives the export's path and the function that lets the wasm through. */
async function exportThenStartHeld(page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await h.annotateTwo(page);
  const { file } = await h.exportJson(page);
  await page.evaluate(() => localStorage.clear());
  const release = await holdWasm(page);
  await page.goto('about:blank');
  await page.goto(`./#/a/${h.ARTICLE}`);
  await expect(page.locator('#first-screen article')).toBeVisible();
  return { file, release };
}

test('while the app is starting, a file chosen is opened once it runs, and a button says to wait', async ({ page }) => {
  const { file, release } = await exportThenStartHeld(page);
  const first = page.locator('#first-screen');
  await first.getByRole('button', { name: 'Export JSON', includeHidden: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Starting… one moment, then try again.' })).toBeVisible();
  // A text typed now would be lost when the app draws the page: the fields wait for it too.
  await expect(first.getByLabel('Paste text')).not.toBeEditable();
  await expect(first.getByRole('searchbox', { name: 'Find in article', includeHidden: true })).not.toBeEditable();
  await first.getByLabel('Import JSON').setInputFiles({ name: 'glossa-annotations.json', mimeType: 'application/json', buffer: require('node:fs').readFileSync(file) });
  await expect(page.getByRole('status').filter({ hasText: 'Starting… your file is opened in a moment.' })).toBeVisible();
  release();
  await appRunning(page);
  await expect(page.getByRole('status').filter({ hasText: 'Starting…' })).toHaveCount(0);
  await expect(h.annotationItems(page)).toHaveCount(2);
  await expect(page.getByLabel('Paste text')).toBeEditable();
});

test('a file chosen in a chooser opened before the app ran, and chosen after it took the page over, is opened all the same', async ({ page }) => {
  const { file, release } = await exportThenStartHeld(page);
  const contents = require('node:fs').readFileSync(file, 'utf8');
  // The reader opens the chooser of the first screen's Import JSON (the browser holds on to that
  // field), the app takes the page over meanwhile, and then the file is chosen.
  await page.evaluate(() => { window.chooserField = document.querySelector('#first-screen .import input[type="file"]'); });
  release();
  await appRunning(page);
  await page.evaluate((text) => {
    const chosen = new DataTransfer();
    chosen.items.add(new File([text], 'glossa-annotations.json', { type: 'application/json' }));
    window.chooserField.files = chosen.files;
    window.chooserField.dispatchEvent(new Event('change', { bubbles: true }));
  }, contents);
  await expect(h.annotationItems(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('2 annotations taken');
});
