// Renders the first screen into dist/index.html, so that the browser paints an article before the
// wasm is fetched (run by scripts/build once dist/ holds the built app, before the one-file app and
// the service worker are made from it).
//
// The built app itself draws each place in headless Chromium at a school laptop's size, with
// nothing saved: the start page, and each bundled article (`#/a/<id>`). Each place is kept in a
// `<template data-first-screen>`; assets/first-screen.js shows the one the address or the remembered view names,
// before the first paint, and the app removes them all as it draws the same markup
// (`ui::browser::first_screen`). Nothing is inline: the Content-Security-Policy refuses style
// attributes, so each becomes a rule of dist/first-screen.css.
//
// The bundled articles' texts go into the page too, as the JSON the app reads them from
// (`ui::browser::bundled`): the wasm does not carry them.
//   node scripts/prerender.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serve } from './static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const articles = fileURLToPath(new URL('../assets/articles/', import.meta.url));
const MARKER = '<!-- first screen -->';

const ids = fs.readdirSync(articles).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort();
const indexPath = path.join(dist, 'index.html');
if (!fs.readFileSync(indexPath, 'utf8').includes(MARKER)) throw new Error(`index.html has no ${MARKER}`);

// The texts first: the app drawn below reads them from the page. `<` is escaped, so that no text
// can end the block.
const texts = Object.fromEntries(ids.map((id) => [id, fs.readFileSync(path.join(articles, `${id}.txt`), 'utf8')]));
const textsBlock = `<script type="application/json" id="glossa-articles">${JSON.stringify(texts).replaceAll('<', '\\u003c')}</script>`;
fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace(MARKER, () => `${textsBlock}\n${MARKER}`));
const server = await serve(dist, 0);
const base = `http://127.0.0.1:${server.address().port}/glossa/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** The page at `hash` as the app draws it, in markup. */
async function capture(hash) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(`${base}${hash}`);
  await page.locator('.layout nav.articles a').first().waitFor();
  if (hash) await page.getByRole('article').waitFor();
  // Two frames: what the app draws once it has measured itself (the masthead's height) is drawn.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  if (failures.length) throw new Error(`the app failed at ${hash || 'the start page'}: ${failures.join('; ')}`);
  const markup = await page.evaluate(() => {
    // What the app set as properties (a field's value, a box ticked) is written as the attributes
    // the parser reads.
    for (const field of document.querySelectorAll('input, textarea, select')) {
      if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) field.toggleAttribute('checked', field.checked);
      else if (field instanceof HTMLInputElement) field.setAttribute('value', field.value);
      else if (field instanceof HTMLTextAreaElement) field.textContent = field.value;
      else for (const option of field.options) option.toggleAttribute('selected', option.selected);
    }
    for (const details of document.querySelectorAll('details')) details.toggleAttribute('open', details.open);
    // A label's meaning shows only when its button is pointed at or focused, which waits for the
    // app: its hidden text would be downloaded once a place for nothing.
    for (const tip of document.querySelectorAll('[role="tooltip"]')) {
      document.querySelector(`[aria-describedby="${tip.id}"]`)?.removeAttribute('aria-describedby');
      tip.remove();
    }
    // The app's empty comments mark where its views may change; the page read back needs none
    // (2,800 of them were 20 KB of it, and as many nodes to parse and adopt before the first paint).
    const comments = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
    const marks = [];
    for (let node = comments.nextNode(); node; node = comments.nextNode()) marks.push(node);
    for (const mark of marks) mark.remove();
    // Text the app holds in several nodes (a count beside its words) is shaped in pieces: a comment
    // between them keeps them apart when the markup is read back, so every glyph lands where the
    // app's does.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const joined = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.previousSibling instanceof Text) joined.push(node);
    for (const node of joined) node.before(document.createComment(''));
    const drawn = [...document.body.children].filter((child) => !['SCRIPT', 'NOSCRIPT', 'LINK'].includes(child.tagName) && child.id !== 'first-screen');
    return drawn.map((child) => child.outerHTML).join('');
  });
  await context.close();
  return markup;
}

try {
  const places = [['', await capture('')]];
  for (const id of ids) places.push([id, await capture(`#/a/${id}`)]);
  const styles = new Map();
  const unstyled = (html) => html.replace(/ style="([^"]*)"/g, (_, style) => {
    if (!styles.has(style)) styles.set(style, styles.size);
    return ` data-first-style="${styles.get(style)}"`;
  });
  const boxes = places.map(([place, markup]) => `<template data-first-screen="${place}">${markup}</template>`).join('\n');
  const screen = unstyled(`<div id="first-screen" aria-hidden="true">\n${boxes}</div>\n<script src="./first-screen.js"></script>`);
  // The declarations are the elements' own (a style attribute outranks every rule), so they must
  // outrank the stylesheet's rules here too.
  const decode = (style) => style.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const important = (style) => decode(style).split(';').map((d) => d.trim()).filter(Boolean).map((d) => `${d} !important`).join('; ');
  const css = [...styles].map(([style, n]) => `[data-first-style="${n}"] { ${important(style)} }`).join('\n');
  fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace(MARKER, () => screen));
  fs.writeFileSync(path.join(dist, 'first-screen.css'), `/* The first screen's style attributes (scripts/prerender.mjs). */\n${css}\n`);
  console.log(`prerendered ${places.length} places into index.html (${styles.size} styles)`);
} finally {
  await browser.close();
  server.close();
}
