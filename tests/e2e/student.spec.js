// A student's screens: the welcome says how to open an assignment; on a school laptop the
// assignment's instructions and the start of its article are on the first screen, and a control
// that cannot be used yet says why; on a phone, Check my work's feedback fits the screen and the
// label bar stays at hand.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

/** An assignment with its key in the student copy, made by a teacher in a browser of their own. */
async function anAssignment(browser, { attribution = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1300, height: 900 } });
  const t = await context.newPage();
  await h.newAssignment(t, 'Who denies what');
  await t.getByRole('textbox', { name: 'Instructions' }).fill('Mark every claim, denial and sanction. Say who speaks.');
  await t.getByRole('textbox', { name: 'Instructions' }).press('Tab');
  if (attribution) await t.getByRole('checkbox', { name: 'Denial needs “Attributed to”' }).check();
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  await h.label(t, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await h.label(t, ['New sanctions announced', 'by Western allies', '3']);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  const { name, text } = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
  await context.close();
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

test.describe('a school laptop', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the welcome says how to open an assignment', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByText(/Given an assignment by your teacher .* Open it with “Import JSON”.* drop the file anywhere on this page/)).toBeVisible();
  });

  test('an assignment opens on its instructions and its text, and Check my work says why it waits', async ({ page, browser }) => {
    const assignment = await anAssignment(browser);
    await page.goto('./');
    await page.getByLabel('Import JSON').setInputFiles(assignment);
    await h.articleReady(page);
    const bar = page.getByRole('region', { name: 'Assignment' });
    await expect(bar.getByText('Mark every claim, denial and sanction. Say who speaks.')).toBeInViewport({ ratio: 1 });
    // The first lines of the article too, without scrolling.
    const first = await page.getByRole('article').locator('p').first().boundingBox();
    expect(first.y).toBeGreaterThan(0);
    expect(first.y + 60).toBeLessThan(768);
    const check = bar.getByRole('button', { name: 'Check my work' });
    await expect(check).toBeDisabled();
    await expect(check).toHaveAccessibleDescription(/opens once you have handed in/);
  });
});

/** A long press's selection of the first `quote` in the article. */
async function touchSelect(page, quote) {
  await page.evaluate((quote) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(quote);
      if (at >= 0) return getSelection().setBaseAndExtent(node, at, node, at + quote.length);
    }
    throw new Error(`not found: ${quote}`);
  }, quote);
}

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('after Check my work nothing is wider than the screen and the label bar stays at hand', async ({ page, browser }) => {
    const assignment = await anAssignment(browser);
    await page.goto('./');
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByLabel('Import JSON').setInputFiles(assignment);
    await h.articleReady(page);
    // A long press selects; a tap on the bar labels.
    await touchSelect(page, 'Iran vehemently denies');
    const labels = page.getByRole('toolbar', { name: 'Labels' });
    await labels.getByRole('button', { name: 'Denial' }).tap();
    await expect(h.annotationItems(page)).toHaveCount(1);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Your name' }).press('Tab');
    await h.download(page, () => page.getByRole('button', { name: 'Hand in' }).tap());
    await page.getByRole('button', { name: 'Check my work' }).tap();
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await expect(feedback).toContainText('You found 0 of the 1 denials.');
    await feedback.scrollIntoViewIfNeeded();
    const wider = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed')
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5));
    expect(wider).toEqual([]);
    // The table of figures fits too, without scrolling sideways.
    const table = await feedback.getByRole('table').evaluate((t) => t.getBoundingClientRect().right);
    expect(table).toBeLessThanOrEqual(391);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const bar = await labels.boundingBox();
    expect(bar.x).toBeGreaterThanOrEqual(0);
    expect(bar.x + bar.width).toBeLessThanOrEqual(391);
    expect(bar.y + bar.height).toBeLessThanOrEqual(845);
    await expect(labels.getByRole('button', { name: 'Claim' })).toBeInViewport();
  });
});

test.describe('a phone, an assignment that asks who speaks', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tapped highlight opens its editor as a sheet at hand, and before a hand-in the annotations lacking “Attributed to” are listed, each one tap away', async ({ page, browser }) => {
    const assignment = await anAssignment(browser, { attribution: true });
    await page.goto('./');
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByLabel('Import JSON').setInputFiles(assignment);
    await h.articleReady(page);
    await touchSelect(page, 'Iran vehemently denies');
    const labels = page.getByRole('toolbar', { name: 'Labels' });
    await labels.getByRole('button', { name: 'Denial' }).tap();
    const editor = page.getByRole('group', { name: 'Selected annotation' });
    await editor.getByRole('button', { name: 'Done' }).tap();
    await expect(editor).toHaveCount(0);

    // A tap on the highlight: the editor is on screen, above the label bar, with Attributed to.
    await page.getByRole('article').locator('mark').scrollIntoViewIfNeeded();
    const mark = await page.getByRole('article').locator('mark').boundingBox();
    await page.touchscreen.tap(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await expect(editor).toBeInViewport();
    const sheet = await editor.boundingBox();
    const bar = await labels.boundingBox();
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(bar.y + 1);
    await expect(editor.getByRole('textbox', { name: 'Attributed to' })).toBeInViewport();
    await editor.getByRole('button', { name: 'Done' }).tap();

    // Hand in: first, which annotation says nobody as who speaks.
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Your name' }).press('Tab');
    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    await page.getByRole('button', { name: 'Hand in' }).tap();
    const before = page.getByRole('region', { name: 'Before you hand in' });
    await expect(before).toContainText('1 annotation says nobody as “Attributed to”');
    await before.getByRole('button', { name: /“Iran vehemently denies” in “/ }).tap();
    await expect(editor).toContainText('Iran vehemently denies');
    await editor.getByRole('textbox', { name: 'Attributed to' }).fill('Iran’s foreign ministry');
    // Nothing lacks one any more: the list goes, and nothing was downloaded meanwhile.
    await expect(before).toHaveCount(0);
    expect(downloaded).toBe(false);
    const handIn = await h.download(page, () => page.getByRole('button', { name: 'Hand in' }).tap());
    expect(JSON.parse(handIn.text).documents[0].annotations[0].attributed_to).toBe('Iran’s foreign ministry');
  });
});
