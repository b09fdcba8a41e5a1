import { chromium } from '@playwright/test';
import { serve } from './static-server.mjs';
const server = await serve(process.argv[4]||'dist', 0);
const base = `http://127.0.0.1:${server.address().port}/glossa/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < 4; i++) {
  const c = await browser.newContext(); const p = await c.newPage();
  const cdp = await c.newCDPSession(p); await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.argv[2] || 1) });
  await p.goto(base + (process.argv[3]||'')+'#/a/000_cfc69700117ac758');
  await p.waitForTimeout(1500);
  console.log(await p.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)]));
    const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop()}:${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
    return JSON.stringify({ respEnd: Math.round(n.responseEnd), domInteractive: Math.round(n.domInteractive), dcl: Math.round(n.domContentLoadedEventEnd), ...paint, res }); }));
  await c.close();
}
await browser.close(); server.close();
