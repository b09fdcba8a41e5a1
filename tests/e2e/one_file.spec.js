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

// Opened from the disk, the app shares its storage with any page opened from the disk, so the
// answer keys made there are kept locked: sealed under the teacher's passphrase, never written
// readable, and opened in a tab only when the passphrase is typed there.
test('in the one-file app the answer keys kept here are locked with a passphrase: storage holds no word of them, and a reload or another tab asks for it', async ({ context }) => {
  test.setTimeout(90_000);
  const file = `file://${path.join(__dirname, '..', '..', 'dist', 'glossa.html')}#/a/${h.ARTICLE}`;
  const page = await context.newPage();
  await page.goto(file);
  await h.articleReady(page);
  await page.getByRole('button', { name: 'Teacher' }).click();
  const kept = (p) => p.getByRole('region', { name: 'Keys kept in this browser' });
  const passphrase = (p) => kept(p).getByLabel('Passphrase for the keys kept here');
  await expect(kept(page)).toContainText('not locked yet');
  await page.getByRole('button', { name: 'New assignment' }).click();
  // Nothing that shows or changes a key until the teacher chose how keys are kept.
  await expect(page.getByRole('button', { name: 'Annotate the key' })).toHaveCount(0);
  await passphrase(page).fill('tulip meadow 42');
  await kept(page).getByRole('button', { name: 'Lock the keys kept here' }).click();
  await expect(kept(page)).toContainText('open in this tab until it closes');
  const stored = () => page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => resolve(Object.fromEntries(Object.entries(localStorage))), 0));
  }));
  const lockedEmpty = (await stored())[h.KEYS.keys];
  expect(JSON.parse(lockedEmpty).kept).toBe('sealed');

  await page.getByRole('button', { name: 'Annotate the key' }).click();
  await h.articleReady(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await expect(h.annotationItems(page)).toHaveCount(1);
  // Sealed again with the new span, and nothing of it readable anywhere in storage.
  await expect.poll(async () => (await stored())[h.KEYS.keys]).not.toBe(lockedEmpty);
  const everything = JSON.stringify(await stored());
  expect(everything).not.toContain('vehemently');
  expect(everything).not.toContain('key:');

  // Another tab of the same browser has the keys only once the passphrase is typed there.
  const other = await context.newPage();
  await other.goto(file);
  await h.articleReady(other);
  await other.getByRole('button', { name: 'Teacher' }).click();
  await expect(kept(other)).toContainText('are locked. Type their passphrase');
  await expect(other.getByRole('button', { name: 'Annotate the key' })).toHaveCount(0);
  await other.getByRole('button', { name: 'Back up everything' }).click();
  await expect(other.getByRole('alert')).toContainText('Unlock the keys kept here first');
  await passphrase(other).fill('tulip meadow 41');
  await kept(other).getByRole('button', { name: 'Unlock the keys' }).click();
  await expect(other.getByRole('alert')).toContainText('The keys stay locked: the passphrase is not the one the key was locked with');
  await passphrase(other).fill('tulip meadow 42');
  await kept(other).getByRole('button', { name: 'Unlock the keys' }).click();
  await expect(kept(other)).toContainText('open in this tab until it closes');
  await other.getByRole('button', { name: 'Annotate the key' }).click();
  await expect(h.annotationItems(other)).toHaveCount(1);
  await expect(h.annotationItems(other).first()).toContainText('Iran vehemently denies');
  // Tabs with the keys open join each other's changes, sealed.
  await h.articleReady(other);
  await h.label(other, ['New sanctions announced', 'by Western allies', '3']);
  await expect(h.annotationItems(page)).toHaveCount(2);
  expect(JSON.stringify(await stored())).not.toContain('New sanctions announced');

  // After a reload, the keys are locked again until the passphrase is typed.
  await page.bringToFront();
  // A reload stays where the teacher was, at the key; locked, it waits in the teacher view.
  await page.reload();
  await expect(kept(page)).toContainText('are locked. Type their passphrase');
  await passphrase(page).fill('tulip meadow 42');
  await kept(page).getByRole('button', { name: 'Unlock the keys' }).click();
  await page.getByRole('button', { name: 'Annotate the key' }).click();
  await expect(h.annotationItems(page)).toHaveCount(2);
});

test('in the one-file app a teacher may choose to keep the answer keys readable, and the choice is kept', async ({ page }) => {
  await page.goto(`file://${path.join(__dirname, '..', '..', 'dist', 'glossa.html')}#/a/${h.ARTICLE}`);
  await h.articleReady(page);
  await page.getByRole('button', { name: 'Teacher' }).click();
  const kept = page.getByRole('region', { name: 'Keys kept in this browser' });
  await page.getByRole('button', { name: 'New assignment' }).click();
  await expect(page.getByText('Choose how answer keys are kept here')).toBeVisible();
  await kept.getByRole('button', { name: 'Keep keys readable here' }).click();
  await expect(kept).toContainText('kept readable in this browser');
  await page.getByRole('button', { name: 'Annotate the key' }).click();
  await h.articleReady(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await expect.poll(() => h.savedState(page)).toContain('vehemently');
  // A reload stays where the teacher was: at the key, which waits in the teacher view while locked.
  // A reload stays where the teacher was, at the key: readable, it is open.
  await page.reload();
  await h.articleReady(page);
  await expect(page.getByRole('region', { name: 'Answer key' })).toBeVisible();
  await page.getByRole('button', { name: 'Teacher', exact: true }).click();
  await expect(kept).toContainText('kept readable in this browser');
  // Still one step from locking them.
  await expect(kept.getByRole('button', { name: 'Lock the keys kept here' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Annotate the key' })).toBeVisible();
});
