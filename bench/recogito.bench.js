// The peer in the same run: Recogito's Text Annotator (installed from the npm registry with the
// rest) on the same document and the same 10,000 spans, timed as the Glossa page is. Its page is
// served by Playwright from this folder and node_modules; it needs no server of its own.
// Medians go to bench/results/recogito.json.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { largeDocument } = require('./corpus');
const { RUNS, median, nextFrameEnd, measureCost, scrollTimes, timeLabelKey } = require('./timing');

const ORIGIN = 'http://recogito.bench';
const LIBRARY = path.join(__dirname, '..', 'node_modules', '@recogito', 'text-annotator', 'dist');
const PAGE = `<!DOCTYPE html><meta charset="utf-8"><link rel="stylesheet" href="text-annotator.css">
<style>#text { white-space: pre-wrap; max-width: 45rem; margin: 2rem auto; font: 1rem/1.6 Georgia, serif; }</style>
<div id="text"></div>
<script>window.process = { env: { NODE_ENV: 'production' } }; // what its bundle expects of a bundler</script>
<script src="text-annotator.umd.js"></script>`;

/** Recogito counts offsets in UTF-16 units of the container's text; the corpus in code points. */
function utf16Offsets(text) {
  const offsets = [0];
  for (const character of text) offsets.push(offsets[offsets.length - 1] + character.length);
  return offsets;
}

test('Recogito Text Annotator with the same document and spans', async ({ page }) => {
  const bench = largeDocument();
  const units = utf16Offsets(bench.text);
  const spans = JSON.parse(bench.file).documents[0].annotations.map((a) => ({
    id: a.id,
    bodies: [],
    target: { annotation: a.id, selector: [{ quote: a.quote, start: units[a.start], end: units[a.end] }] },
  }));
  await page.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (!name) return route.fulfill({ contentType: 'text/html', body: PAGE });
    return route.fulfill({ path: path.join(LIBRARY, path.basename(name)) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate((text) => { document.getElementById('text').textContent = text; }, bench.text);

  // Open: the annotator made on the text and given the spans (as offsets, its default), to the
  // end of the frame that paints them. Once: it takes seconds.
  const results = { annotations: spans.length };
  results.open_ms = await page.evaluate(async (spans) => {
    const started = performance.now();
    window.annotator = RecogitoJS.createTextAnnotator(document.getElementById('text'));
    window.annotator.setAnnotations(spans);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  }, spans);
  await page.evaluate(nextFrameEnd);
  const scrolls = await scrollTimes(page);
  results.scroll_frame_ms = median(scrolls.screenful);
  results.scroll_jump_frame_ms = median(scrolls.jump);
  Object.assign(results, await measureCost(page));

  // A label key, as Glossa has it: the key adds the selection as an annotation.
  await page.evaluate(() => window.addEventListener('keydown', (event) => {
    const range = getSelection().getRangeAt(0);
    const container = document.getElementById('text');
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const id = `key-${event.timeStamp}`;
    window.annotator.addAnnotation({ id, bodies: [], target: { annotation: id,
      selector: [{ quote: range.toString(), start, end: start + range.toString().length }] } });
  }));
  // Three words from the middle of the screen, selected by the page as a drag would.
  Object.assign(results, await timeLabelKey(page, 'body', (page) => page.evaluate(() => {
    const point = document.caretRangeFromPoint(innerWidth / 2, innerHeight / 2);
    const range = document.createRange();
    range.setStart(point.startContainer, point.startOffset);
    range.setEnd(point.startContainer, Math.min(point.startContainer.length, point.startOffset + 20));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })));
  expect(await page.evaluate(() => window.annotator.getAnnotations().length)).toBe(spans.length + RUNS);

  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'recogito.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results));
});
