// Messages in a real room: they float where the reader is looking and take no click but their own
// buttons'; a report of what was done goes by itself (not while pointed at) and stays in
// Messages; an error is in view wherever it came from, and stays until dismissed; on a phone the
// Menu closes once something in it is done, and with Escape.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');


/** A Glossa JSON file of `count` annotations spread over the test article, made from an export. */
async function manyAnnotations(page, count) {
  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('2');
  const { json } = await h.exportJson(page);
  const text = h.articleText(h.ARTICLE);
  const length = Array.from(text).length;
  const document = h.documentOf(json);
  const [template] = document.annotations;
  document.annotations = Array.from({ length: count }, (_, i) => {
    const start = Math.floor((i * (length - 40)) / count);
    return { ...template, id: `many-${i}`, label: ['claim', 'denial', 'sanction'][i % 3], start, end: start + 30, quote: h.codePointSlice(text, start, start + 30) };
  });
  return JSON.stringify(json);
}

/** The points of `box` on a grid, inside its edges. */
function gridOf(box, columns = 6, rows = 3) {
  const points = [];
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) points.push({ x: box.x + ((c + 0.5) * box.width) / columns, y: box.y + ((r + 0.5) * box.height) / rows });
  }
  return points;
}

/** What is under the point for a click: the topmost element there, as a short description. */
function hitAt(page, { x, y }) {
  return page.evaluate(({ x, y }) => {
    const element = document.elementFromPoint(x, y);
    const entry = element.closest('button.entry');
    return { inMessages: !!element.closest('.messages'), button: !!element.closest('button'), entry: entry ? [...document.querySelectorAll('button.entry')].indexOf(entry) : null };
  }, { x, y });
}

test.describe('a school laptop', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a report takes no click meant for what is under it, goes by itself unless pointed at, and stays in Messages', async ({ page }) => {
    await h.freshStart(page);
    const file = await manyAnnotations(page, 24);
    await page.getByLabel('Import JSON').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const report = page.getByRole('status').filter({ hasText: '24 annotations taken' });
    await expect(report).toBeVisible();
    // Joined with the denial made first.
    await expect(h.annotationItems(page)).toHaveCount(25);

    // Everywhere on the message but its own button, a click reaches what is under it.
    const box = await report.boundingBox();
    let under = null;
    for (const point of gridOf(box)) {
      const hit = await hitAt(page, point);
      if (hit.inMessages) expect(hit.button).toBe(true);
      if (hit.entry !== null && !under) under = { point, entry: hit.entry };
    }
    // The list of annotations reaches under the message at this size: its entry there is clicked.
    expect(under).not.toBeNull();
    await page.mouse.click(under.point.x, under.point.y);
    const entry = h.annotationItems(page).nth(under.entry).getByRole('button');
    await expect(entry).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('group', { name: 'Selected annotation' })).toBeVisible();

    // The pointer is on the message: it stays beyond its reading time (7 s for these words) …
    await page.waitForTimeout(9000);
    await expect(report).toBeVisible();
    // … and goes once the pointer leaves it.
    await page.mouse.move(10, 400);
    await expect(report).toBeHidden({ timeout: 5000 });

    // Kept in Messages, the newest first; Escape closes the list.
    await page.getByRole('button', { name: 'Messages', exact: true }).click();
    const list = page.getByRole('region', { name: 'Messages' });
    await expect(list.getByRole('listitem').first()).toContainText('24 annotations taken');
    await expect(list.getByRole('listitem').last()).toContainText('Denial added');
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  });

  test('an error is in view wherever it came from, and stays until dismissed', async ({ page }) => {
    await h.freshStart(page);
    // Far down the article, then a file that is not Glossa's.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.getByLabel('Import JSON').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "glossa"') });
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported from “notes.json”' });
    await expect(alert).toBeInViewport({ ratio: 1 });

    // The teacher exports a key to lock without its passphrase, from the bottom of the page.
    await page.getByRole('button', { name: 'Teacher' }).click();
    await page.getByRole('button', { name: 'New assignment' }).click();
    await page.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
    await page.getByRole('checkbox', { name: 'Lock the key with a passphrase' }).check();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.getByRole('button', { name: 'Export assignment' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'passphrase' });
    await expect(refusal).toBeInViewport({ ratio: 1 });
    // A report meanwhile does not take it away.
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await page.getByRole('button', { name: 'Export assignment' }).click();
    await expect(refusal).toBeVisible();
    await refusal.getByRole('button', { name: 'Dismiss' }).click();
    await expect(refusal).toBeHidden();
  });
});

test.describe('a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the Menu closes once a file is chosen, the refusal is in view, and Escape closes the Menu', async ({ page }) => {
    await h.freshStart(page);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByLabel('Import JSON').setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported from “photo.json”' });
    await expect(alert).toBeInViewport({ ratio: 1 });
    // Above the label bar, which stays usable.
    const bar = await page.getByRole('toolbar', { name: 'Labels' }).boundingBox();
    const box = await alert.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // An action in the Menu closes it; so does Escape, the focus back on Menu.
    await menu.tap();
    await page.getByRole('button', { name: 'Export JSON' }).tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
  });
});
