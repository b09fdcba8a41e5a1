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
  await page.evaluate((raw) => localStorage.setItem('glossa.v1.state', raw), corrupt);
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
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('glossa.v1.state.unreadable.')).map((k) => localStorage.getItem(k)));
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
  await expect(alert).toContainText('QuotaExceededError');
  const downloadPromise = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export now' }).click();
  const exported = JSON.parse(require('node:fs').readFileSync(await (await downloadPromise).path(), 'utf8'));
  expect(h.documentOf(exported).annotations[0].quote).toBe('Iran vehemently denies supplying ballistic missiles to Russia');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await expect(alert).toHaveCount(0, { timeout: 10_000 });
  expect(JSON.parse(await h.savedState(page)).documents[h.ARTICLE]).toHaveLength(1);
});
