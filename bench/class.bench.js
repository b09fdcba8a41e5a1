// Measures the teacher's page with a class of 30 made from a real hand-in, on a school laptop's
// screen (1366 × 768): collecting the 30 files, going back from a hand-in to the teacher view and
// writing the class report (medians of several runs), the longest task the page ran meanwhile
// (a long-task observer in the page), how long until Mathet's γ is known for every row (from the
// files chosen) and what it says for all labels
// (bench/results/class.json).
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { teacherWithAClass } = require('../tests/e2e/class_of');

const { RUNS, median, nextFrameEnd } = require('./timing');

test('a class of 30 on a school laptop', async ({ browser }) => {
  const watchLongTasks = (page) => page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const { teacher, t, collectMs } = await teacherWithAClass(browser, 30, { before: watchLongTasks });
  const results = { students: 30, collect_ms: collectMs };
  const table = t.getByRole('table', { name: 'Class results' });
  // γ comes after the rest of the page, in slices: how long until every row of it is known.
  const gammaStarted = Date.now();
  await t.getByText('Agreement in detail', { exact: true }).click();
  const gammas = t.getByRole('table', { name: 'Agreement' }).getByRole('row').filter({ has: t.getByRole('rowheader') }).locator('td:nth-child(5)');
  await expect(gammas.filter({ hasText: 'being computed' })).toHaveCount(0, { timeout: 60_000 });
  results.gamma_after_collect_ms = collectMs + (Date.now() - gammaStarted);
  // Read while "Agreement in detail" is open: the teacher view drawn again closes it.
  results.gamma_all_labels = await t.getByRole('table', { name: 'Agreement' }).getByRole('row', { name: /All labels/ }).getByRole('cell').nth(3).textContent();

  const back = [];
  for (let run = 0; run < RUNS; run++) {
    await table.getByRole('row').nth(1 + run).getByRole('button', { name: 'Open' }).click();
    await expect(t.getByRole('region', { name: 'Hand-in' })).toBeVisible();
    const started = Date.now();
    await t.getByRole('region', { name: 'Hand-in' }).getByRole('button', { name: 'Back to the teacher view' }).click();
    await expect(table).toBeVisible();
    await t.evaluate(nextFrameEnd);
    back.push(Date.now() - started);
  }
  results.back_to_teacher_ms = median(back);

  const reports = [];
  for (let run = 0; run < 3; run++) {
    const started = Date.now();
    const download = t.waitForEvent('download');
    await t.getByRole('button', { name: 'Export class report' }).click();
    await download;
    reports.push(Date.now() - started);
  }
  results.class_report_ms = median(reports);

  results.longest_task_ms = await t.evaluate(() => Math.max(0, ...window.longTasks));
  console.log(JSON.stringify(results));
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'class.json'), JSON.stringify(results, null, 2));
  await teacher.close();
});
