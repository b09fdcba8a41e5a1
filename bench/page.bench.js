// Measures the page with the benchmark document (1 MB, 10,000 annotations): time to import and
// open it, to open it again after a reload, to paint a new highlight after the key press, to
// scroll, and to export (medians of several runs go to bench/results/page.json); and how soon a
// first and a return visit paint an article and are ready for a label key (bench/results/first.json).
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { largeDocument } = require('./corpus');

const { RUNS, median, nextFrameEnd, measureCost, scrollTimes, timeLabelKey } = require('./timing');

test('the page with a 1 MB document and 10,000 annotations', async ({ page }) => {
  const bench = largeDocument();
  const results = { document_bytes: Buffer.byteLength(bench.text), annotations: bench.annotations };
  // The wasm's linear memory, kept where the measurement below finds it (the first module's: the
  // parts fetched later share it).
  await page.addInitScript(() => {
    const instantiateStreaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const result = await instantiateStreaming(...args);
      if (result.instance.exports.memory) window.wasmMemory = result.instance.exports.memory;
      return result;
    };
  });
  await page.goto('./');
  // A long document draws only the paragraphs on screen: opened is when its first is drawn.
  const firstParagraph = page.getByText(bench.lines[0].slice(0, 40));

  let started = Date.now();
  await page.getByLabel('Import JSON').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(bench.file) });
  await expect(page.getByRole('status')).toContainText('10000 annotations taken', { timeout: 120_000 });
  results.import_ms = Date.now() - started;

  const opens = [];
  const link = page.getByRole('navigation', { name: 'Articles' }).getByRole('link', { name: /Benchmark document/ });
  for (let run = 0; run < RUNS; run++) {
    await page.getByRole('navigation', { name: 'Articles' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Benchmark document');
    started = Date.now();
    await link.click();
    await expect(firstParagraph).toBeVisible({ timeout: 60_000 });
    await page.evaluate(nextFrameEnd);
    opens.push(Date.now() - started);
  }
  results.open_ms = median(opens);
  console.log(JSON.stringify({ opens, import_ms: results.import_ms }));

  const reloads = [];
  for (let run = 0; run < RUNS; run++) {
    started = Date.now();
    await page.reload();
    await expect(firstParagraph).toBeVisible({ timeout: 60_000 });
    await page.evaluate(nextFrameEnd);
    reloads.push(Date.now() - started);
  }
  results.reload_and_open_ms = median(reloads);
  console.log(JSON.stringify({ reloads }));

  const scrolls = await scrollTimes(page);
  results.scroll_frame_ms = median(scrolls.screenful);
  results.scroll_jump_frame_ms = median(scrolls.jump);

  // What the open document costs the page: elements in the DOM, and memory (the JS heap after a
  // garbage collection, and the wasm's linear memory).
  await page.evaluate(() => window.scrollTo(0, 0));
  Object.assign(results, await measureCost(page, await page.evaluate(() => window.wasmMemory.buffer.byteLength)));

  // A keyboard selection of three words in the middle of the screen, then the label key.
  Object.assign(results, await timeLabelKey(page, 'article', async () => {
    const viewport = page.viewportSize();
    await page.mouse.click(viewport.width / 2 - 100, viewport.height / 2);
    await page.getByRole('article').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  }));
  await expect(page.getByRole('status')).toContainText('Claim added');

  const exports = [];
  for (let run = 0; run < RUNS; run++) {
    started = Date.now();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    await (await download).path();
    exports.push(Date.now() - started);
  }
  results.export_json_ms = median(exports);

  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'page.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results));
});

test('the first article painted, and the app ready for a label key, on a first and a return visit, at full speed and with the CPU slowed 4×', async ({ browser }) => {
  const results = {};
  const ARTICLE = '000_cfc69700117ac758';
  const OTHER = '003_1b9cfbb7f56d177f';
  for (const [suffix, rate] of [['', 1], ['_cpu4', 4]]) {
    const times = { first_article: [], first_ready: [], return_article: [], return_ready: [] };
    for (let run = 0; run < RUNS; run++) {
      // A new context each time: nothing cached, nothing stored.
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      // From the start of navigation: to the end of the first frame that shows an article's text,
      // and to the end of the frame after the app took over (a label key then labels at once;
      // before, it is kept and applied then).
      await page.addInitScript(() => {
        const frameEnd = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
        window.articlePainted = new Promise((resolve) => {
          const look = () => {
            const shown = [...document.querySelectorAll('article p')].some((p) => p.getClientRects().length > 0);
            if (shown) setTimeout(() => resolve(performance.now()), 0);
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
        window.appReady = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.getElementById('first-screen') || !document.querySelector('.layout article p')) return;
            observer.disconnect();
            resolve(frameEnd());
          });
          observer.observe(document, { subtree: true, childList: true });
        });
      });
      const measure = async (visit) => {
        times[`${visit}_article`].push(await page.evaluate(() => window.articlePainted));
        times[`${visit}_ready`].push(await page.evaluate(() => window.appReady));
      };
      await page.goto(`./#/a/${ARTICLE}`);
      await measure('first');
      // The reader turns to another article, leaves it a little way down, and comes back later
      // to the address with no place in it: the remembered article is the one shown.
      await page.evaluate((id) => { location.hash = `#/a/${id}`; }, OTHER);
      await expect(page.getByRole('article')).toBeVisible();
      await page.evaluate(() => scrollTo(0, 300));
      await expect.poll(() => page.evaluate((id) => JSON.parse(localStorage.getItem('glossa.v1.view') || '{}').places?.[id]?.top, OTHER)).toBe(300);
      await page.goto('about:blank');
      await page.goto('./');
      await measure('return');
      await context.close();
    }
    for (const [key, values] of Object.entries(times)) results[`${key}${suffix}_ms`] = median(values);
    results[`runs${suffix}`] = times;
  }
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'first.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results));
});
