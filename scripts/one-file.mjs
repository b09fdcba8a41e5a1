// Writes dist/glossa.html: the whole app in one HTML file that opens from the file system by
// double-click, with no server (run by scripts/build, once dist/ holds the built app).
//
// Inside it: the stylesheet (a <style>), the favicon (a data: URL), the wasm and every part
// fetched when first used (base64 in <script type="application/octet-stream"> blocks, which no
// browser runs), the bundled articles' texts (the hosted page's JSON block), and one module script: __wasm_split.js, glossa.js and boot.js, each in a scope of
// its own, their imports made references to each other and their fetches of wasm answered from
// those blocks. Its Content-Security-Policy allows exactly that script and that style, by hash.
//   node scripts/one-file.mjs
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
const read = (name) => fs.readFileSync(path.join(dist, name), 'utf8');
const replaceOnce = (text, from, to, where) => {
  if (!text.includes(from)) throw new Error(`${where} no longer holds ${JSON.stringify(from)}: scripts/one-file.mjs must learn its new shape`);
  return text.replace(from, to);
};

// __wasm_split.js: its exports become the scope's result; initSync is glossa.js's, reached once
// both exist; every fetch of a part is answered from its block.
let split = read('__wasm_split.js');
split = replaceOnce(split, 'import { initSync } from "./glossa.js";', 'const initSync = (...args) => glossa.initSync(...args);', '__wasm_split.js');
const splitExports = [...split.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
split = split.replace(/^export const /gm, 'const ');
split = split.replace(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => `Promise.resolve(embeddedResponse(${JSON.stringify(name)}))`);
if (/fetch\(|^export|^import/m.test(split)) throw new Error('__wasm_split.js has a fetch, export or import scripts/one-file.mjs does not know');

// glossa.js: the split loaders are the scope above; its exports are the two it has.
let glossa = read('glossa.js');
glossa = glossa.replace(/^import \* as (import\d+) from "\.\/__wasm_split\.js"$/gm, 'const $1 = split;');
glossa = replaceOnce(glossa, 'export { initSync, __wbg_init as default };', 'return { initSync, init: __wbg_init };', 'glossa.js');
glossa = glossa.replace(/^export class /gm, 'class ');
if (/^(export|import) /m.test(glossa)) throw new Error('glossa.js has an import or export scripts/one-file.mjs does not know');

// boot.js: starts Glossa with the wasm from its block.
let boot = read('boot.js');
boot = replaceOnce(boot, "import init from './glossa.js';", "const init = () => glossa.init({ module_or_path: embedded('glossa_bg.wasm') });", 'boot.js');

const wasmFiles = fs.readdirSync(dist).filter((name) => name.endsWith('.wasm')).sort();
const script = `
// Glossa in one file. The wasm modules are in the blocks below, base64.
const embedded = (name) => {
  const text = document.getElementById(name).textContent;
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
};
const embeddedResponse = (name) => new Response(embedded(name), { headers: { 'content-type': 'application/wasm' } });
let glossa;
const split = (() => {
${split}
return { ${splitExports.join(', ')} };
})();
glossa = (() => {
${glossa}
})();
{
${boot}
}
`;
const style = read('main.css');
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const favicon = `data:image/svg+xml;base64,${Buffer.from(read('favicon.svg')).toString('base64')}`;
const policy = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// The bundled articles' texts, as the hosted page holds them (scripts/prerender.mjs).
const articles = /<script type="application\/json" id="glossa-articles">[^<]*<\/script>/.exec(read('index.html'));
if (!articles) throw new Error('index.html holds no articles block: run scripts/prerender.mjs first');
const blocks = wasmFiles
  .map((name) => `<script type="application/octet-stream" id="${name}">${fs.readFileSync(path.join(dist, name)).toString('base64')}</script>`)
  .join('\n');
const page = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <!-- Exactly the script and the style below, and the wasm in this file; nothing sent away. -->
    <meta http-equiv="Content-Security-Policy" content="${policy}">
    <title>Glossa — read and annotate</title>
    <link rel="icon" href="${favicon}">
    <style>${style}</style>
  </head>
  <body>
    <noscript>Glossa needs JavaScript and WebAssembly to run.</noscript>
${blocks}
    ${articles[0]}
    <script type="module">${script}</script>
  </body>
</html>
`;
fs.writeFileSync(path.join(dist, 'glossa.html'), page);
console.log(`glossa.html: the whole app in one file, ${page.length} bytes`);
