// What a wasm module of the build holds, by crate and by Glossa module: the bytes of each
// function's code, summed by the path of its Rust symbol (the name section wasm-split keeps in
// target/split/, before wasm-opt, which drops it and shrinks every function a little).
//   node scripts/wasm-breakdown.mjs [module.wasm] [how many rows]
// The first module by default: target/split/glossa.wasm, as scripts/build leaves it.
import fs from 'node:fs';

const file = process.argv[2] || new URL('../target/split/glossa.wasm', import.meta.url).pathname;
const rows = Number(process.argv[3] || 25);
const bytes = fs.readFileSync(file);

let at = 8;
const unsigned = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const skipLimits = () => {
  const flags = bytes[at++];
  unsigned();
  if (flags & 1) unsigned();
};

let importedFunctions = 0;
const codeSizes = [];
const names = new Map();
let dataBytes = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = unsigned();
  const end = at + size;
  if (id === 2) {
    // Imports: functions come before the module's own in the index space.
    for (let n = unsigned(); n > 0; n--) {
      for (const _ of ['module', 'name']) {
        const length = unsigned();
        at += length;
      }
      const kind = bytes[at++];
      if (kind === 0) { unsigned(); importedFunctions++; }
      else if (kind === 1) { at++; skipLimits(); }
      else if (kind === 2) skipLimits();
      else if (kind === 3) at += 2;
      else if (kind === 4) { at++; unsigned(); }
    }
  } else if (id === 10) {
    for (let n = unsigned(); n > 0; n--) {
      const length = unsigned();
      codeSizes.push(length);
      at += length;
    }
  } else if (id === 11) {
    dataBytes += size;
  } else if (id === 0) {
    const nameLength = unsigned();
    const name = bytes.subarray(at, at + nameLength).toString();
    at += nameLength;
    while (name === 'name' && at < end) {
      const subsection = bytes[at++];
      const subsectionEnd = unsigned() + at;
      if (subsection === 1) {
        for (let n = unsigned(); n > 0; n--) {
          const index = unsigned();
          const length = unsigned();
          names.set(index, bytes.subarray(at, at + length).toString());
          at += length;
        }
      }
      at = subsectionEnd;
    }
  }
  at = end;
}
if (names.size === 0) throw new Error(`${file} has no name section: use the module wasm-split leaves in target/split/`);

/** The path of a Rust symbol: every segment of a legacy one (`_ZN…E`); the crate of a v0 one (`_R…`). */
function symbolPath(symbol) {
  if (symbol.startsWith('_ZN')) {
    const path = [];
    let i = 3;
    while (i < symbol.length && symbol[i] !== 'E') {
      const digits = /^\d+/.exec(symbol.slice(i));
      if (!digits) break;
      i += digits[0].length;
      path.push(symbol.slice(i, i + Number(digits[0])));
      i += Number(digits[0]);
    }
    return path;
  }
  const v0 = /^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_]\w*)/.exec(symbol);
  if (v0) return [v0[2].slice(0, Number(v0[1]))];
  return [symbol.split(/[ <(:]/)[0] || '?'];
}

const byCrate = new Map();
const byModule = new Map();
const add = (map, key, size) => map.set(key, (map.get(key) || 0) + size);
codeSizes.forEach((size, i) => {
  const symbol = names.get(importedFunctions + i) || '?';
  let path = symbolPath(symbol);
  // `<Type as Trait>` symbols are counted where the type is: its path is spelt `glossa..core..…`.
  if (path[0].startsWith('_$LT$')) path = (/\$LT\$([a-z_]+(?:\.\.[a-z_]+)*)/.exec(path[0]) || [null, 'trait impls'])[1].split('..');
  // What wasm-bindgen writes has no Rust path; its descriptors are read and dropped as it binds.
  const crate = /^_(ZN|R)/.test(symbol) ? path[0]
    : symbol.startsWith('__wbindgen_describe') ? 'wasm-bindgen descriptors (dropped when bound)' : 'wasm-bindgen glue';
  add(byCrate, crate, size);
  if (crate === 'glossa') add(byModule, path.slice(0, 4).filter((part) => /^[a-z_]+$/.test(part)).join('::'), size);
});

const code = codeSizes.reduce((sum, size) => sum + size, 0);
const table = (title, map) => {
  console.log(`\n| ${title} | bytes of code | share |\n| --- | ---: | ---: |`);
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`| ${key} | ${size} | ${((100 * size) / code).toFixed(1)} % |`);
  }
};
console.log(`${file}: ${code} bytes of code in ${codeSizes.length} functions, ${dataBytes} bytes of data`);
table('crate', byCrate);
table('Glossa module', byModule);
