// Playwright's settings for scripts/screenshots: the e2e tests' browser and server, this one spec.
const path = require('node:path');
const base = require('../playwright.config.js');

module.exports = {
  ...base,
  testDir: __dirname,
  testMatch: 'screenshots.spec.js',
  retries: 0,
  workers: 1,
  webServer: { ...base.webServer, cwd: path.join(__dirname, '..') },
};
