// The page benchmark: the release build in headless Chromium, one worker, no retries, so the
// numbers are of one quiet run. Run it with `scripts/bench`, which prints the table.
const base = require('../playwright.config.js');

module.exports = {
  ...base,
  testDir: '.',
  testMatch: '*.bench.js',
  timeout: 300_000,
  retries: 0,
  workers: 1,
  reporter: 'list',
  webServer: { ...base.webServer, cwd: require('node:path').join(__dirname, '..') },
};
