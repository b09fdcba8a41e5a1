// Draws the app's install icons (assets/icon-*.png) from assets/favicon.svg with the Chromium the
// tests use; run by hand when the favicon changes, and the PNGs committed (a build needs no browser).
//   node scripts/icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const assets = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'assets');
const svg = fs.readFileSync(path.join(assets, 'favicon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
// A maskable icon may be cut to any shape inside its middle 80 %: the paper fills it all and the
// mark sits within that circle.
const icons = [
  { name: 'icon-192.png', size: 192, html: svg },
  { name: 'icon-512.png', size: 512, html: svg },
  { name: 'icon-maskable-512.png', size: 512, html: `<div style="background:#fdfcf9;width:100%;height:100%;display:grid;place-items:center"><div style="width:60%;height:60%">${svg}</div></div>` },
];
for (const { name, size, html } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;width:100%;height:100%;background:transparent}svg{width:100%;height:100%;display:block}</style>${html}`);
  await page.screenshot({ path: path.join(assets, name), omitBackground: true });
}
await browser.close();
