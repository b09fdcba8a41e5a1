// Offline and installable: after one visit Glossa starts, annotates and keeps its work with no
// network at all; a new build is taken only on the next start, or when the reader asks for it.
const { test, expect } = require('@playwright/test');
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers');

// The other specs run without the service worker, so that their routes see every request.
test.use({ serviceWorkers: 'allow' });

/** The worker of this build controls the page: everything is kept. */
async function keptForOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('after one visit, Glossa starts, annotates, opens a part and keeps the work with no network', async ({ page, context }) => {
  await h.freshStart(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return (await fetch(link.href)).json();
  });
  expect(manifest).toMatchObject({ name: 'Glossa — read and annotate', start_url: './', scope: './', display: 'standalone' });
  await keptForOffline(page);

  await context.setOffline(true);
  await page.reload();
  await h.articleReady(page);
  await h.label(page, ['Iran’s foreign minister firmly rejects claims', 'Iran’s foreign minister firmly rejects claims', '2']);
  await expect(h.annotationItems(page)).toHaveCount(1);
  // A part fetched when first used comes from what was kept.
  await page.getByRole('button', { name: 'Claims board' }).click();
  await expect(page.getByRole('table', { name: 'Claims board' })).toBeVisible();

  await page.reload();
  await h.articleReady(page);
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(page.getByRole('article').locator('mark')).toHaveText('Iran’s foreign minister firmly rejects claims');
});

/** Serves a copy of dist/ on a port of its own, so that the test can put a second build in place. */
async function servedCopy(port) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-build-'));
  fs.cpSync(path.join(__dirname, '..', '..', 'dist'), folder, { recursive: true });
  const server = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'static-server.mjs')], {
    env: { ...process.env, DIST: folder, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return {
    url: `http://127.0.0.1:${port}/glossa/`,
    /** A second build: a page that says which it is, and the worker's list of files with its digest. */
    secondBuild() {
      const page = path.join(folder, 'index.html');
      const html = fs.readFileSync(page, 'utf8').replace('<head>', '<head>\n    <meta name="glossa-build" content="second">');
      fs.writeFileSync(page, html);
      const worker = path.join(folder, 'sw.js');
      const script = fs.readFileSync(worker, 'utf8');
      const line = script.match(/^const build = (.*);$/m);
      const built = JSON.parse(line[1]);
      built.files['index.html'] = createHash('sha256').update(html).digest('hex').slice(0, 16);
      built.version += '-second';
      fs.writeFileSync(worker, script.replace(line[0], `const build = ${JSON.stringify(built)};`));
    },
    close() {
      server.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A first visit to `host`, until everything is kept. */
async function firstVisit(context, host) {
  const page = await context.newPage();
  await page.goto(`${host.url}#/a/${h.ARTICLE}`);
  await h.articleReady(page);
  await keptForOffline(page);
  return page;
}

const updateNotice = (page) => page.getByRole('status').filter({ hasText: 'A new version of Glossa is ready' });

const build = (page) => page.evaluate(() => document.querySelector('meta[name="glossa-build"]')?.content || 'first').catch(() => 'between pages');

test('a new build waits: a quiet notice offers it, it starts on the next start, never in the middle of work', async ({ context }) => {
  const host = await servedCopy(4175);
  try {
    let page = await firstVisit(context, host);
    host.secondBuild();

    await page.reload();
    await h.articleReady(page);
    await expect(updateNotice(page)).toBeVisible({ timeout: 20_000 });
    expect(await build(page)).toBe('first');
    await h.label(page, ['Iran’s foreign minister firmly rejects claims', 'Iran’s foreign minister firmly rejects claims', '2']);
    await expect(h.annotationItems(page)).toHaveCount(1);
    expect(await build(page)).toBe('first');

    // The next start: every tab of Glossa closed, then opened again.
    await page.close();
    page = await context.newPage();
    await expect.poll(async () => {
      await page.goto(`${host.url}#/a/${h.ARTICLE}`);
      return build(page);
    }, { timeout: 20_000 }).toBe('second');
    await h.articleReady(page);
    await expect(h.annotationItems(page)).toHaveCount(1);
  } finally {
    host.close();
  }
});

test('"Reload to update" takes the new build at once, unless Glossa is open in another tab', async ({ context }) => {
  const host = await servedCopy(4176);
  try {
    const page = await firstVisit(context, host);
    host.secondBuild();
    const other = await context.newPage();
    await other.goto(host.url);
    await page.reload();
    await expect(updateNotice(page)).toBeVisible({ timeout: 20_000 });

    await updateNotice(page).getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Glossa is open in other tabs too' })).toBeVisible();
    expect(await build(page)).toBe('first');

    await other.close();
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await expect.poll(() => build(page), { timeout: 20_000 }).toBe('second');
    await h.articleReady(page);
  } finally {
    host.close();
  }
});

// The worker answers for its own build within its own scope: another page of the origin is not
// Glossa, the one-file app opened directly is itself, and another install of Glossa on the same
// origin (another sub-path, another build) keeps its caches.
test('the service worker answers only its own build in its scope, and leaves another install on the origin alone', async ({ context, baseURL }) => {
  const root = new URL('/', baseURL).href;
  const page = await context.newPage();
  // Another install of Glossa on this origin, at another sub-path, of another build.
  await page.goto(`${root}not-glossa`);
  const other = `glossa ${root}alpha/ 0123456789abcdef`;
  await page.evaluate(async (name) => (await caches.open(name)).put('index.html', new Response('alpha')), other);

  await page.goto(`${root}#/a/${h.ARTICLE}`);
  await h.articleReady(page);
  await keptForOffline(page);
  expect(await page.evaluate(() => caches.keys())).toContain(other);
  const names = await page.evaluate(() => caches.keys());
  expect(names.filter((name) => name.startsWith(`glossa ${root} `))).toHaveLength(1);

  // Pages that are not the app's start page are the network's: here, the server's "not found",
  // and the one-file app itself.
  const elsewhere = await page.goto(`${root}some/other/page.html`);
  expect(elsewhere.status()).toBe(404);
  expect(await page.locator('body').innerText()).toBe('not found');
  await page.goto(`${root}glossa.html`);
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBeGreaterThan(0);

  // Offline, the app still starts from what it kept.
  await context.setOffline(true);
  await page.goto(`${root}#/a/${h.ARTICLE}`);
  await h.articleReady(page);
});
