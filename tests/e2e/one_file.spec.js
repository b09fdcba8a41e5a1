// The whole app in one file: offered by the hosted app, then opened from the file system with no
// server, where the main journey works as it does hosted: under its own policy, with every part.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers');

test('the hosted app offers Glossa as one file, which opened from the file system reads, labels, keeps, exports and opens its parts', async ({ page }) => {
  await h.freshStart(page);
  const offered = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download Glossa as one file' }).click();
  const download = await offered;
  expect(download.suggestedFilename()).toBe('glossa.html');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-one-file-'));
  const file = path.join(folder, 'glossa.html');
  await download.saveAs(file);

  // The policy of the file must refuse nothing the app does; errors would show here.
  const problems = [];
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => {
    window.violations = [...(window.violations || []), `${event.violatedDirective} ${event.blockedURI}`];
  }));
  page.on('pageerror', (error) => problems.push(error.message));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await page.goto(`file://${file}#/a/${h.ARTICLE}`);
    await h.articleReady(page);
    await expect(page.getByRole('link', { name: 'Download Glossa as one file' })).toHaveCount(0);
    const quote = 'Iran’s foreign minister firmly rejects claims';
    await h.drag(page, quote, quote);
    await page.keyboard.press('2');
    await expect(h.annotationItems(page)).toHaveCount(1);

    await page.reload();
    await h.articleReady(page);
    await expect(h.annotationItems(page)).toHaveCount(1);
    const { json } = await h.exportJson(page);
    const [a] = h.documentOf(json).annotations;
    expect(h.codePointSlice(h.articleText(h.ARTICLE), a.start, a.end)).toBe(quote);

    // The parts fetched when first used are inside the file.
    await page.getByRole('button', { name: 'Claims board' }).click();
    await expect(page.getByRole('table', { name: 'Claims board' })).toContainText(quote);
    await page.getByRole('button', { name: 'Teacher' }).click();
    await expect(page.getByRole('button', { name: 'New assignment' })).toBeVisible();
    // Before any key is made, the teacher is told that pages opened from the disk share storage.
    await expect(page.getByRole('note')).toContainText('every page opened from the disk shares one storage');

    expect(await page.evaluate(() => window.violations || [])).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
