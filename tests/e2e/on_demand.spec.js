// Parts a reader may never use are fetched the first time they are used: reading, labelling,
// undoing and reloading fetch none of them; a part that cannot be fetched says so and is fetched
// again on the next try, and the work goes on meanwhile.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const PART = /\/(split|chunk)_[a-z0-9_]+\.wasm$/;

/** The modules of parts the page has fetched so far (not merely asked for), by file name (split_<part>.wasm, and the
 *  chunk_<n>.wasm of code parts share). */
function partsFetched(page) {
  const fetched = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (PART.test(url.pathname)) fetched.push(url.pathname.split('/').pop());
  });
  return fetched;
}

test('reading, labelling, undoing and reloading fetch no part; the board and the teacher view (with the record’s part) are fetched once, when opened', async ({ page }) => {
  const fetched = partsFetched(page);
  await h.freshStart(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');
  await page.reload();
  await h.articleReady(page);
  await expect(h.annotationItems(page)).toHaveCount(1);
  expect(fetched).toEqual([]);

  await page.getByRole('button', { name: 'Claims board' }).click();
  await expect(page.getByRole('table', { name: 'Claims board' })).toBeVisible();
  // Playwright reports a finished request a moment after the page has used it.
  await expect.poll(() => fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_board.wasm']);
  await page.getByRole('button', { name: 'Teacher' }).click();
  await expect(page.getByRole('button', { name: 'New assignment' })).toBeVisible();
  await page.getByRole('button', { name: 'Claims board' }).click();
  await page.getByRole('button', { name: 'Teacher' }).click();
  await expect(page.getByRole('button', { name: 'New assignment' })).toBeVisible();
  // The teacher's view may change the classroom's record: the part that writes it comes first.
  await expect.poll(() => fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_board.wasm', 'split_record.wasm', 'split_teacher.wasm']);
  expect(new Set(fetched).size).toBe(fetched.length);
});

test('the labels’ editor, the settings and the shortcuts are drawn from their part when first opened, fetched once', async ({ page }) => {
  const fetched = partsFetched(page);
  await h.freshStart(page);
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByText('undo;')).toBeVisible();
  await expect(shortcuts.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);
  await expect.poll(() => fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_panels.wasm']);

  await page.getByText('Labels', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Add label' })).toBeVisible();
  await page.getByText('Settings', { exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(shortcuts.getByText('undo;')).toBeVisible();
  expect(fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_panels.wasm']);
});

test('the choice “Link to…” opens is drawn from the panels’ part, fetched when first pressed, once', async ({ page }) => {
  const fetched = partsFetched(page);
  await h.freshStart(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await expect(editor.getByRole('button', { name: 'Link to…' })).toBeVisible();
  expect(fetched).toEqual([]);

  await editor.getByRole('button', { name: 'Link to…' }).click();
  await expect(editor.getByText('No claim to link to yet: label a claim first, in this article or another.')).toBeVisible();
  await expect.poll(() => fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_panels.wasm']);
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.getByRole('button', { name: 'Link to…' })).toHaveAttribute('aria-expanded', 'false');
  await editor.getByRole('button', { name: 'Link to…' }).click();
  await expect(editor.getByRole('button', { name: 'Cancel' })).toBeVisible();
  expect(fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_panels.wasm']);
});

test('offline before any part was fetched, the backup still goes out; reading a file in, the export’s choices and other formats say they need their part, and work once it is fetched', async ({ page }) => {
  const fetched = partsFetched(page);
  await h.freshStart(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await page.route(PART, (route) => route.abort('internetdisconnected'));

  const backup = await h.download(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  expect(JSON.parse(backup.text).documents.flatMap((d) => d.annotations)).toHaveLength(1);
  await page.keyboard.press('Control+z');
  await expect(h.annotationItems(page)).toHaveCount(0);
  await page.getByLabel('Import JSON').setInputFiles(backup.path);
  await expect(page.getByRole('alert')).toContainText('could not fetch the part that reads files in');
  await expect(page.getByRole('alert')).toContainText('Nothing of your work is affected');
  await expect(h.annotationItems(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const choices = page.getByRole('group', { name: 'Export for dataset tools' });
  await expect(choices.getByRole('alert')).toContainText('could not fetch the export choices');
  expect(fetched.filter((name) => name.startsWith('split_'))).toEqual([]);

  // Back online for the choices, not yet for the formats.
  await page.unroute(PART);
  const FORMATS = /\/split_formats\.wasm$/;
  await page.route(FORMATS, (route) => route.abort('internetdisconnected'));
  await choices.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Export format').selectOption('w3c');
  await page.getByRole('button', { name: 'Download export' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'other tools’ formats' })).toContainText('could not fetch the part that writes and reads other tools’ formats');

  await page.unroute(FORMATS);
  await page.getByLabel('Import JSON').setInputFiles(backup.path);
  // The part is fetched and compiled first: on a loaded machine that has taken over 5 s.
  await expect(page.getByRole('status')).toContainText('1 annotation taken (1 new', { timeout: 15_000 });
  await expect(h.annotationItems(page)).toHaveCount(1);
  const w3c = await h.download(page, () => page.getByRole('button', { name: 'Download export' }).click());
  expect(JSON.parse(w3c.text).type).toBe('AnnotationCollection');
  await expect.poll(() => fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_panels.wasm', 'split_import.wasm', 'split_formats.wasm']);
});

test('a part that cannot be fetched says so, leaves the work as it was, and is fetched on the next try', async ({ page }) => {
  await h.freshStart(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await page.route(PART, (route) => route.abort('internetdisconnected'));

  await page.getByRole('button', { name: 'Teacher' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not fetch the teacher’s view' });
  await expect(alert).toContainText('Nothing of your work is affected');
  // The app goes on, with the work in it.
  await alert.getByRole('button', { name: 'Back to reading' }).click();
  await h.articleReady(page);
  await expect(h.annotationItems(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Teacher' }).click();
  await expect(alert).toBeVisible();
  await page.unroute(PART);
  await alert.getByRole('button', { name: 'Try again' }).click();
  // The teacher's view comes in many files (its part and the chunks it shares with the other
  // parts): on a busy machine they take longer to arrive than a click.
  await expect(page.getByRole('button', { name: 'New assignment' })).toBeVisible({ timeout: 15_000 });
  await expect(alert).toHaveCount(0);
});

test('where a classroom is kept, its record is read by its part before the app starts; without that part the app starts, says so, and never writes over the record', async ({ page }) => {
  await h.newAssignment(page, 'Week 3: denials');
  await page.getByRole('textbox', { name: 'Assignment title' }).press('Tab');
  await expect.poll(async () => JSON.parse(await h.saved(page, h.KEYS.classroom))?.teaching.map((t) => t.assignment.title)).toEqual(['Week 3: denials']);
  const record = await h.saved(page, h.KEYS.classroom);

  const fetched = partsFetched(page);
  await page.goto(`./#/a/${h.ARTICLE}`);
  await page.reload();
  await h.articleReady(page);
  await expect.poll(() => fetched.filter((name) => name.startsWith('split_'))).toEqual(['split_record.wasm']);

  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await h.articleReady(page);
  const alert = page.getByRole('alert').filter({ hasText: 'the part that keeps the assignments' });
  await expect(alert).toContainText('could not fetch');
  await expect(alert).toContainText('Nothing of your work is affected');
  // The reader goes on labelling, and the work is saved; the record stays as it was.
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  await expect.poll(async () => JSON.parse(await h.savedState(page)).documents[h.ARTICLE]).toHaveLength(1);
  expect(await h.saved(page, h.KEYS.classroom)).toBe(record);

  await page.unroute(PART);
  await page.reload();
  await h.articleReady(page);
  await page.getByRole('button', { name: 'Teacher' }).click();
  await expect(page.getByRole('combobox', { name: 'Assignment' })).toHaveValue(JSON.parse(record).teaching[0].assignment.id, { timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'Assignment title' })).toHaveValue('Week 3: denials');
});

test('the hints of hedges are fetched when first turned on, once, and at start while they stay on', async ({ page }) => {
  const fetched = partsFetched(page);
  const painted = () => page.evaluate(() => CSS.highlights.get('hedge')?.size ?? 0);
  await h.freshStart(page);
  await page.getByText('Settings').click();
  await expect(page.getByRole('checkbox', { name: 'Show hedges and reporting verbs' })).toBeVisible();
  expect(fetched.filter((name) => name === 'split_hints.wasm')).toEqual([]);
  const show = page.getByRole('checkbox', { name: 'Show hedges and reporting verbs' });
  await show.check();
  await expect.poll(painted).toBeGreaterThan(10);
  await show.uncheck();
  await expect.poll(painted).toBe(0);
  await show.check();
  await expect.poll(painted).toBeGreaterThan(10);
  await expect.poll(() => fetched.filter((name) => name === 'split_hints.wasm')).toEqual(['split_hints.wasm']);

  const again = partsFetched(page);
  await page.reload();
  await h.articleReady(page);
  await expect.poll(painted).toBeGreaterThan(10);
  await expect.poll(() => again.filter((name) => name === 'split_hints.wasm')).toEqual(['split_hints.wasm']);
});
