// What a person does with the app, in the terms the tests speak: open an article, drag over
// text with the mouse, read the export.
const { expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');

const ARTICLE = '004_de3ecafd94c781bd';

function articleText(id) {
  return fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'articles', `${id}.txt`), 'utf8');
}

/** Python's text[start:end]: code points, not UTF-16 units. */
function codePointSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

async function openArticle(page, titlePart) {
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('link', { name: titlePart }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(titlePart);
  await articleReady(page);
}

async function freshStart(page, hash = `#/a/${ARTICLE}`) {
  await page.goto(`./${hash}`);
  await articleReady(page);
}

/** Waits for the open article to be shown and settled. The app restores the reading position two
 *  frames after opening; a drag begun before that would land where the text was. */
async function articleReady(page) {
  await expect(page.getByRole('article')).toBeVisible();
  await nextFrame(page);
  await nextFrame(page);
}

/** The viewport point just inside the left edge of the first character of the `occurrence`-th
 *  match of `needle` (or just inside the right edge of its last character, with `atEnd`). */
async function pointAt(page, needle, { atEnd = false, occurrence = 0, scroll = true } = {}) {
  return page.evaluate(({ needle, atEnd, occurrence, scroll }) => {
    // The article shown: before the app runs, the page also holds the first screen's hidden ones.
    const article = [...document.querySelectorAll('article')].find((a) => a.getClientRects().length > 0);
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, from: all.length });
      all += node.data;
    }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = all.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`text not found: ${needle}`);
    const target = atEnd ? at + needle.length - 1 : at;
    const { node, from } = nodes.filter((n) => n.from <= target).pop();
    const range = document.createRange();
    range.setStart(node, target - from);
    range.setEnd(node, target - from + 1);
    if (scroll) range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: atEnd ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 };
  }, { needle, atEnd, occurrence, scroll });
}

/** Presses the mouse just before `from` and releases it just after `to`, moving in steps as a
 *  hand does. Both ends must fit in the viewport once `from` is scrolled to its middle (or where
 *  they are, with `scroll: false`). */
async function drag(page, from, to, options = {}) {
  const start = await pointAt(page, from, { occurrence: options.fromOccurrence || 0, scroll: options.scroll ?? true });
  const end = await pointAt(page, to, { atEnd: true, occurrence: options.toOccurrence || 0, scroll: false });
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

function annotationItems(page) {
  return page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
}

async function exportJson(page) {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('glossa-annotations.json');
  const file = await download.path();
  return { file, json: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

function documentOf(json, id = ARTICLE) {
  return json.documents.find((d) => d.id === id);
}

/** A denial with a note and a sanction in the open test article. */
async function annotateTwo(page) {
  await freshStart(page);
  await drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await page.getByRole('textbox', { name: 'Note' }).fill('the lede');
  await drag(page, 'New sanctions announced', 'by Western allies');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(2);
}

/** The local storage keys of `core::work::storage` (`tests/storage_keys.rs` checks they are the same). */
const KEYS = {
  state: 'glossa.v1.state',
  unreadable: 'glossa.v1.state.unreadable',
  view: 'glossa.v1.view',
  settings: 'glossa.v1.settings',
  keys: 'glossa.v1.keys',
  classroom: 'glossa.v1.classroom',
};

/** What local storage holds under `key` once the app has saved: it saves in the first idle
 *  moment after it paints a change (idle callbacks run in the order asked for), and 50 ms after it
 *  at the latest. */
async function saved(page, key) {
  return page.evaluate((key) => new Promise((resolve) => {
    const read = () => resolve(localStorage.getItem(key));
    // Idle, or 100 ms on at the latest (the app saves 50 ms after a change at the latest): a page
    // beside a busy one may wait long for an idle moment.
    requestAnimationFrame(() => (window.requestIdleCallback ? requestIdleCallback(read, { timeout: 100 }) : setTimeout(read, 100)));
  }), key);
}

/** The work as saved, once the app has saved it. */
async function savedState(page) {
  return saved(page, KEYS.state);
}

/** The file `click` downloads: its suggested name, where it is, and its text. */
async function download(page, click) {
  const promise = page.waitForEvent('download');
  await click();
  const file = await promise;
  const where = await file.path();
  return { name: file.suggestedFilename(), path: where, text: fs.readFileSync(where, 'utf8') };
}

/** Drags over `[from, to]` and presses `key`: one label, as a person gives it. */
async function label(page, [from, to, key]) {
  await drag(page, from, to);
  await page.keyboard.press(key);
}

/** axe-core's serious and critical violations on the page, in words. */
async function seriousViolations(page) {
  // Evaluated through the browser's debugging protocol: the page's Content-Security-Policy
  // rightly refuses a script tag of the test's.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Links the selected annotation to the claim whose quote has `quote`, as `relation` when its
 *  editor offers a choice (evidence supports or contradicts). */
async function linkTo(page, quote, relation) {
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await editor.getByRole('button', { name: 'Link to…' }).click();
  const choice = editor.getByRole('combobox', { name: 'Claim to link to' });
  await choice.selectOption({ label: await choice.getByRole('option').filter({ hasText: quote }).textContent() });
  if (relation) await editor.getByRole('combobox', { name: 'Relation' }).selectOption(relation);
  await editor.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(editor.getByRole('list', { name: 'Links' })).toContainText(quote);
}

/** On a fresh page: the teacher view, a new assignment, its title `title` typed. */
async function newAssignment(page, title) {
  await freshStart(page);
  await page.getByRole('button', { name: 'Teacher' }).click();
  await page.getByRole('button', { name: 'New assignment' }).click();
  await page.getByRole('textbox', { name: 'Assignment title' }).fill(title);
}

/** A student in a browser of their own (`options` for its context) who has opened the
 *  assignment file at `path`, its article drawn. */
async function studentWith(browser, path, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  await page.goto('./');
  await page.getByLabel('Import JSON').setInputFiles(path);
  // The start page's article is drawn already: wait for the assignment's own (its bar asks the
  // student's name), which comes once the parts that read the file and keep the record are here.
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeVisible({ timeout: 15_000 });
  await articleReady(page);
  return { context, page };
}

/** Waits until the page has painted a frame and run the tasks that frame queued. */
async function nextFrame(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Keeps the first wasm module's memory (which the parts fetched later share) where
 *  `wasmMegabytes` and `deepestStackKB` find it. Call before the page loads. */
async function keepWasmMemory(page) {
  await page.addInitScript(() => {
    const instantiateStreaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const result = await instantiateStreaming(...args);
      if (result.instance.exports.memory && !window.wasmMemory) window.wasmMemory = result.instance.exports.memory;
      return result;
    };
  });
}

/** The wasm memory's size in MB: the most the app ever held at once, as it never shrinks. */
async function wasmMegabytes(page) {
  return page.evaluate(() => window.wasmMemory.buffer.byteLength / 1e6);
}

/** Its stack's size, in KB, as `.cargo/config.toml` sets it for the build. */
const WASM_STACK_KB = Number(fs.readFileSync(path.join(__dirname, '../../.cargo/config.toml'), 'utf8').match(/zstack-size=(\d+)/)[1]) / 1024;

/** The deepest the wasm's stack has reached, in KB. The stack fills the memory's first
 *  `WASM_STACK_KB` from the top down, and what it never reached is still the zero a new memory
 *  holds (were the stack elsewhere, this would read as a full stack, and the tests fail). */
async function deepestStackKB(page) {
  return page.evaluate((top) => {
    const stack = new Uint8Array(window.wasmMemory.buffer, 0, top);
    // The first KB is never used (wasm-opt is told so).
    let lowest = 1024;
    while (lowest < top && stack[lowest] === 0) lowest++;
    return (top - lowest) / 1024;
  }, WASM_STACK_KB * 1024);
}

/** Opens the Export menu (the dataset tools) if it is closed. */
async function openExport(page) {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  if (await button.getAttribute('aria-expanded') !== 'true') await button.click();
  // Its choices come from their part the first time.
  await expect(page.getByRole('group', { name: 'Export for dataset tools' }).getByRole('button', { name: 'Download export' })).toBeVisible();
}

module.exports = { linkTo, newAssignment, studentWith, saved, openExport, ARTICLE, KEYS, articleReady, annotateTwo, download, label, nextFrame, pointAt, articleText, codePointSlice, openArticle, freshStart, drag, annotationItems, exportJson, documentOf, savedState, seriousViolations, keepWasmMemory, wasmMegabytes, deepestStackKB, WASM_STACK_KB };
