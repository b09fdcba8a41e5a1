// The bytes a reader downloads: each file of dist/ raw, gzip -9 and brotli (quality 11), and the
// first load (what the first screen fetches before it can be used: every file of dist/ but the
// parts fetched when first used, split_*.wasm and the chunk_*.wasm they share, see
// src/ui/on_demand.rs, the install icons and the one-file app). With --check, fails when
// the first load is over the budget in size-budget.json: sizes are deterministic, so a budget is a
// test (times are scripts/bench's).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const rows = fs
  .readdirSync(dist)
  .filter((name) => fs.statSync(path.join(dist, name)).isFile())
  .sort()
  .map((name) => {
    const bytes = fs.readFileSync(path.join(dist, name));
    return {
      name,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
// Not fetched for the first screen: the parts, the install icons (fetched when Glossa is
// installed) and the one-file app (a download).
const onDemand = (row) => /^(split|chunk)_.*\.wasm$|^icon-.*\.png$|^glossa\.html$/.test(row.name);
const sum = (list) => list.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const first = sum(rows.filter((row) => !onDemand(row)));
const later = sum(rows.filter(onDemand));
console.log('| file | bytes | gzip -9 | brotli |\n| --- | ---: | ---: | ---: |');
for (const row of [...rows, { name: '**first load**', ...first }, { name: 'fetched later (parts, icons, one-file app)', ...later }]) console.log(`| ${row.name} | ${row.raw} | ${row.gzip} | ${row.brotli} |`);

if (process.argv.includes('--check')) {
  const budget = JSON.parse(fs.readFileSync(path.join(root, 'size-budget.json'), 'utf8'));
  const over = ['gzip', 'brotli'].filter((kind) => first[kind] > budget.first_load[kind]);
  for (const kind of over) console.log(`over budget: the first load is ${first[kind]} bytes ${kind}, the budget ${budget.first_load[kind]}`);
  if (over.length) process.exit(1);
  console.log(`within budget: first load ${first.gzip} gzip (budget ${budget.first_load.gzip}), ${first.brotli} brotli (budget ${budget.first_load.brotli})`);
}
