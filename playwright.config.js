// End-to-end tests: the release build in Debian's headless Chromium, served as a static site
// under a sub-path. Playwright's own browser downloads are never used.
const { defineConfig } = require('@playwright/test');

// PORT lets a second checkout run its tests beside another's (the server reads it too).
const served = `http://127.0.0.1:${process.env.PORT || 4173}/glossa/`;

module.exports = defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  // On CI one retry, reported as "flaky" in the output, so a slow moment of a loaded machine is
  // told apart from a failure; locally none, so flakiness shows.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: served,
    viewport: { width: 1300, height: 900 },
    acceptDownloads: true,
    // Without the app's service worker, so that routes see every request; offline.spec.js allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node scripts/static-server.mjs',
    url: served,
    reuseExistingServer: !process.env.CI,
  },
});
