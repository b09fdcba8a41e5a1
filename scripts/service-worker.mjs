// Writes dist/sw.js from assets/sw.js with this build's version and files filled in: every file
// of dist/ with the start of its SHA-256 (the parts fetched when first used too, so that the teacher's view and
// the other formats work offline) but the worker itself and the one-file app, which is a download.
//   node scripts/service-worker.mjs        (run by scripts/build, after everything else is in dist/)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const names = fs.readdirSync(dist).filter((name) => !['sw.js', 'glossa.html'].includes(name)).sort();
// The first 16 hex digits (64 bits) of each file's SHA-256: what tells one build's file from
// another's (the worker is served by the same site as the files, so the digest guards against a
// mixed build, not a forger), at a quarter of the bytes every first visit downloads.
const files = Object.fromEntries(names.map((name) => [name, createHash('sha256').update(fs.readFileSync(path.join(dist, name))).digest('hex').slice(0, 16)]));
const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
const template = fs.readFileSync(path.join(root, 'assets', 'sw.js'), 'utf8');
const line = "const build = { version: 'unbuilt', files: {} };";
if (!template.includes(line)) throw new Error(`assets/sw.js no longer holds the line to fill in: ${line}`);
// Every first visit downloads the worker: its code is minified, and its build stays a line of its
// own (what a test of a second build rewrites). The code after that line uses `build` as a name
// from outside, which the minifier leaves as it is.
const [before, after] = template.split(line).map((code) => transformSync(code, { minify: true }).code);
fs.writeFileSync(path.join(dist, 'sw.js'), `${before}const build = ${JSON.stringify({ version, files })};\n${after}`);
console.log(`sw.js keeps ${names.length} files, version ${version}`);
