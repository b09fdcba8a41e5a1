// Faults a browser can throw at the work, and hostile input: each test causes the fault.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('with local storage blocked the app still works for the session and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await h.freshStart(page);
  await expect(page.getByRole('alert')).toContainText('nothing you do will be kept after this tab closes');
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page)).toHaveCount(1);
  const { json } = await h.exportJson(page);
  expect(h.documentOf(json).annotations).toHaveLength(1);
});

test('closing the page right after an edit loses nothing', async ({ page, context }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await h.freshStart(again);
  await expect(h.annotationItems(again)).toHaveCount(1);
  await expect(h.annotationItems(again).first()).toContainText('Iran vehemently denies');
});

test('markup and script in texts, notes, labels and attribution are shown as text and never run', async ({ page }) => {
  const payload = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script><a href="javascript:window.__ran=3">link</a>';
  const text = `Hostile ${payload}\nA claim: ${payload} </script> done.`;
  const start = Array.from(text.split('\n')[0]).length + 1 + 'A claim: '.length;
  const end = start + Array.from(payload).length;
  const file = {
    format: 'glossa-annotations', version: 2, exported_at: '2026-11-22T10:00:00Z',
    labels: [{ id: 'evil', name: '<b onmouseover="window.__ran=4">Evil</b>', color: '#cc79a7', key: '' }],
    documents: [{ id: 'hostile', title: `Hostile ${payload}`, source: null, text_sha256: '', length: Array.from(text).length, text,
      annotations: [{ id: 'x1', label: 'evil', start, end, quote: payload, note: payload, attributed_to: payload,
        created_at: '2026-11-22T10:00:00Z', updated_at: '2026-11-22T10:00:00Z' }] }],
  };
  await page.goto('./');
  await page.getByLabel('Import JSON').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('status')).toContainText('1 annotation taken');
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('link', { name: /Hostile/ }).click();
  await h.annotationItems(page).first().getByRole('button').click();
  await page.getByRole('article').locator('mark').hover();
  await expect(page.getByRole('article')).toContainText(payload);
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue(payload);
  await expect(page.getByRole('textbox', { name: 'Attributed to' })).toHaveValue(payload);
  await expect(page.getByRole('button', { name: /<b onmouseover/ }).first()).toBeVisible();
  expect(await page.locator('main img, main script, main a[href^="javascript"], nav b, header b').count()).toBe(0);
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
});

test('a corrupt saved state: the app starts, recovers what it can, keeps the raw value and offers it', async ({ page }) => {
  await h.annotateTwo(page);
  const saved = JSON.parse(await h.savedState(page));
  saved.documents[h.ARTICLE][1].start = 'not a number';
  const corrupt = JSON.stringify(saved);
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [h.KEYS.state, corrupt]);
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'could not all be read' });
  await expect(banner).toContainText('Recovered: 1 annotations; left out: 1 unreadable parts.');
  await expect(h.annotationItems(page)).toHaveCount(1);
  const downloadPromise = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the unreadable data' }).click();
  const download = await downloadPromise;
  expect(require('node:fs').readFileSync(await download.path(), 'utf8')).toBe(corrupt);
  // The recovered work is saved; the raw value stays under its own key, untouched by that save.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not' })).toHaveCount(0);
  await expect(h.annotationItems(page)).toHaveCount(1);
  const backups = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)), `${h.KEYS.unreadable}.`);
  expect(backups).toEqual([corrupt]);
});

test('a full storage: the work stays usable, “Export now” keeps it, and saving resumes by itself', async ({ page }) => {
  await h.freshStart(page);
  await page.evaluate(() => {
    for (const size of [1_000_000, 10_000, 100]) {
      try {
        for (let i = 0; ; i++) localStorage.setItem(`filler-${size}-${i}`, 'x'.repeat(size));
      } catch { /* full at this size; go on with smaller pieces */ }
    }
  });
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page)).toHaveCount(1);
  const alert = page.getByRole('alert').filter({ hasText: 'Changes are not being saved' });
  await expect(alert).toContainText('The browser refused to save: the storage is full.');
  const downloadPromise = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export now' }).click();
  const exported = JSON.parse(require('node:fs').readFileSync(await (await downloadPromise).path(), 'utf8'));
  expect(h.documentOf(exported).annotations[0].quote).toBe('Iran vehemently denies supplying ballistic missiles to Russia');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await expect(alert).toHaveCount(0, { timeout: 10_000 });
  expect(JSON.parse(await h.savedState(page)).documents[h.ARTICLE]).toHaveLength(1);
});

// The classroom's record is kept as the work is: a full storage gets the same lasting alert, and
// the record is written again by itself once there is room, so a reload still has the assignment.
test('a full storage: an assignment made meanwhile is kept once there is room again', async ({ page }) => {
  await h.freshStart(page);
  await page.getByRole('button', { name: 'Teacher' }).click();
  await page.evaluate(() => {
    for (const size of [1_000_000, 10_000, 100]) {
      try {
        for (let i = 0; ; i++) localStorage.setItem(`filler-${size}-${i}`, 'x'.repeat(size));
      } catch { /* full at this size; go on with smaller pieces */ }
    }
  });
  await page.getByRole('button', { name: 'New assignment' }).click();
  await page.getByRole('textbox', { name: 'Assignment title' }).fill('Kept through a full storage');
  await page.getByRole('textbox', { name: 'Assignment title' }).press('Tab');
  const alert = page.getByRole('alert').filter({ hasText: 'Changes are not being saved' });
  await expect(alert).toContainText('The browser refused to save the assignments');
  await expect(alert.getByRole('button', { name: 'Export now' })).toBeVisible();

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await expect(alert).toHaveCount(0, { timeout: 10_000 });
  await page.reload();
  await page.getByRole('button', { name: 'Teacher' }).click();
  await expect(page.getByRole('combobox', { name: 'Assignment' })).toContainText('Kept through a full storage');
});

test('a panic stops the app with a banner whose “Export your work” still exports the last saved work', async ({ page, browser }) => {
  await h.annotateTwo(page);
  await h.savedState(page);
  // The browser's random numbers fail, so the next annotation gets no id and the wasm panics.
  await page.evaluate(() => { Crypto.prototype.getRandomValues = () => { throw new Error('no randomness'); }; });
  await h.drag(page, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await page.keyboard.press('1');
  const banner = page.getByRole('alert').filter({ hasText: 'Glossa stopped because of an error' });
  await expect(banner).toContainText('16 random bytes');
  await expect(banner.getByRole('button', { name: 'Export your work' })).toBeFocused();
  // The stopped app is inert: out of reach of keyboard, mouse and assistive technology.
  const appButton = page.getByRole('button', { name: 'Export JSON' });
  await appButton.evaluate((button) => button.focus());
  await expect(appButton).not.toBeFocused();
  expect(await page.locator('body > :not(.stopped):not([inert])').count()).toBe(0);

  const downloadPromise = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export your work' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('glossa-annotations.json');
  const exported = JSON.parse(require('node:fs').readFileSync(await download.path(), 'utf8'));
  expect(h.documentOf(exported).annotations.map((a) => a.note)).toEqual(['the lede', '']);

  // The file is Glossa JSON: a fresh browser imports it whole.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto('./');
  await fresh.getByLabel('Import JSON').setInputFiles(await download.path());
  await expect(fresh.getByRole('status')).toContainText('2 annotations taken (2 new');
  await fresh.close();
});

test('the app runs under its Content-Security-Policy, which refuses inline script, and loads nothing from elsewhere', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await h.annotateTwo(page);
  await page.getByText('Labels', { exact: true }).click();
  await page.getByText('Settings', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await page.keyboard.press('Escape');
  await h.exportJson(page);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src]):not([type="application/json"]), [onclick], [onload], [onerror]').count()).toBe(0);
  // The one script element without a source is data no browser runs: the bundled articles' texts.
  expect(await page.locator('script:not([src])').evaluateAll((blocks) => blocks.map((b) => `${b.type}#${b.id}`))).toEqual(['application/json#glossa-articles']);
  // It is enforced: an inline script added now does not run.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
  });
  expect(await page.evaluate(() => window.__inline)).toBeUndefined();
  expect(await page.evaluate(() => window.__violations)).toEqual(['script-src-elem inline']);

  const origin = new URL(baseURL).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:'))).toEqual([]);
});

test('the built dist/ names no address elsewhere but the texts’ own and XML namespaces', async () => {
  const fs = require('node:fs');
  const path = require('node:path');
  const dist = path.join(__dirname, '..', '..', 'dist');
  const articles = fs.readdirSync(path.join(__dirname, '..', '..', 'assets', 'articles')).map((f) => h.articleText(f.replace('.txt', ''))).join('\n');
  const found = [];
  for (const name of fs.readdirSync(dist)) {
    // wasm-bindgen's generated JavaScript cites documentation in comments, which load nothing.
    const text = fs.readFileSync(path.join(dist, name), 'latin1').replace(/^\s*\/\/.*$/gm, '');
    for (const [url] of text.matchAll(/https?:\/\/[A-Za-z0-9.-]+/g)) {
      if (!url.startsWith('http://www.w3.org') && !articles.includes(url)) found.push(`${name}: ${url}`);
    }
  }
  expect(found).toEqual([]);
});

test('hostile import files are refused with a precise message and leave the saved work as it was', async ({ page }, testInfo) => {
  const fs = require('node:fs');
  await h.annotateTwo(page);
  const before = await h.savedState(page);
  const importFile = async (name, buffer) => {
    const file = testInfo.outputPath(name);
    fs.writeFileSync(file, buffer);
    await page.getByLabel('Import JSON').setInputFiles(file);
  };
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  const cases = [
    ['huge.json', Buffer.alloc(51 * 1024 * 1024, 0x20), 'it is larger than 50 MB'],
    ['latin1.json', Buffer.from([0x7b, 0x22, 0x61, 0xe9, 0x22, 0x7d]), 'byte 3 is not valid UTF-8'],
    ['nested.json', Buffer.from('['.repeat(5000) + ']'.repeat(5000)), 'recursion limit exceeded'],
    ['many.jsonl', Buffer.from(JSON.stringify({ text: 'x', label: Array(200_001).fill([0, 1, 'Claim']) })), 'it holds 200001 annotations, more than the 200000 one import takes'],
  ];
  for (const [name, buffer, reason] of cases) {
    await importFile(name, buffer);
    await expect(refusal).toContainText(`Nothing was imported from “${name}”`);
    await expect(refusal).toContainText(reason);
    expect(await h.savedState(page)).toBe(before);
  }

  // Every other way in refuses a file over 50 MB by its size, before reading it: Add documents,
  // and a drop anywhere on the page.
  const huge = testInfo.outputPath('huge.txt');
  fs.writeFileSync(huge, Buffer.alloc(60 * 1024 * 1024, 0x61));
  await page.getByLabel('Add documents').setInputFiles(huge);
  await expect(page.getByRole('alert').filter({ hasText: '“huge.txt” was not added: it is larger than 50 MB.' })).toBeVisible();
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(60 * 1024 * 1024).fill(0x20)], 'dropped.json', { type: 'application/json' }));
    return data;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dropped });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
  await expect(page.getByRole('alert').filter({ hasText: '“dropped.json” was not added: it is larger than 50 MB.' })).toBeVisible();
  expect(await h.savedState(page)).toBe(before);

  // Item by item: each bad annotation is named with its reason, and none of them is taken.
  const text = h.articleText(h.ARTICLE);
  const at = (quote) => { const start = Array.from(text.slice(0, text.indexOf(quote))).length; return [start, start + Array.from(quote).length]; };
  const [start, end] = at('Iran vehemently denies');
  const item = (id, fields) => ({ id, label: 'claim', start, end, quote: 'Iran vehemently denies', note: '', attributed_to: '',
    created_at: '2026-11-22T10:00:00Z', updated_at: '2026-11-22T10:00:00Z', ...fields });
  const file = { format: 'glossa-annotations', version: 2, exported_at: '2026-11-22T10:00:00Z', labels: [],
    documents: [{ id: h.ARTICLE, annotations: [
      item('reversed', { start: end, end: start }),
      item('beyond', { end: 99_999 }),
      item('rumour', { label: 'rumour' }),
      item('dup', {}),
      item('dup', { label: 'denial' }),
    ] }] };
  await importFile('bad-items.json', Buffer.from('\ufeff' + JSON.stringify(file)));
  const report = page.getByRole('status');
  await expect(report).toContainText('1 annotation taken (1 new');
  await expect(report).toContainText('4 refused');
  const place = `documents[0] (${h.ARTICLE}).annotations`;
  await expect(report).toContainText(`${place}[0]: start ${end} is not before end ${start}`);
  await expect(report).toContainText(`${place}[1]: end 99999 is past the end of the text (4087 code points)`);
  await expect(report).toContainText(`${place}[2]: its label "rumour" is not one of this Glossa's labels`);
  await expect(report).toContainText(`${place}[4]: its id "dup" appears earlier in the file`);
  await expect(h.annotationItems(page)).toHaveCount(3);
});

test('a page whose articles’ texts are damaged says which, shows the others, and the work stays', async ({ page }) => {
  await h.annotateTwo(page);
  const saved = await h.savedState(page);
  // A page that lost part of a text (a cache gone wrong, an edit by hand): the text no longer has
  // the digest the app knows for it.
  await page.route(/\/glossa\/(index\.html)?(#.*)?$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replaceAll('Iran vehemently denies', 'Iran denies');
    await route.fulfill({ response, body: html });
  });
  await page.goto('about:blank');
  await page.goto('./#/a/000_cfc69700117ac758');
  const alert = page.getByRole('alert').filter({ hasText: 'lacks the texts' });
  await expect(alert).toContainText(`This page of Glossa lacks the texts of 1 of its articles (${h.ARTICLE}): reload it. Your work is not affected.`);
  const articles = page.getByRole('navigation', { name: 'Articles' }).getByRole('link');
  await expect(articles).toHaveCount(4);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('G7 Condemnation');
  expect(await h.savedState(page)).toBe(saved);

  await page.unroute(/\/glossa\/(index\.html)?(#.*)?$/);
  await page.goto('about:blank');
  await page.goto(`./#/a/${h.ARTICLE}`);
  await h.articleReady(page);
  await expect(h.annotationItems(page)).toHaveCount(2);
});
