// Two tabs of Glossa in one browser share one work: neither loses the other's changes. The tab
// being worked in is brought to the front first, as a person would; a background tab gets few
// frames, and input to it waits for them.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const DENIAL = 'Iran vehemently denies supplying ballistic missiles to Russia';
const SANCTION = 'New sanctions announced on Moscow and Tehran by Western allies';

async function selectItem(page, text) {
  await page.bringToFront();
  await h.annotationItems(page).filter({ hasText: text }).getByRole('button').first().click();
}

async function deleteSelected(page) {
  await page.getByRole('group', { name: 'Selected annotation' }).getByRole('button', { name: 'Delete' }).click();
}

test('what one tab does appears in the other, and both keep everything across a reload', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await h.freshStart(a);
  await h.freshStart(b);

  await a.bringToFront();
  await h.drag(a, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await a.keyboard.press('2');
  await expect(h.annotationItems(b)).toHaveCount(1);
  await expect(h.annotationItems(b).first()).toContainText(DENIAL);
  await expect(b.getByRole('status')).toContainText('Changes made in another tab are merged in');

  await b.bringToFront();
  await h.drag(b, 'New sanctions announced', 'by Western allies');
  await b.keyboard.press('3');
  await b.getByRole('textbox', { name: 'Note' }).fill('from tab b');
  await expect(h.annotationItems(a)).toHaveCount(2);
  await expect(h.annotationItems(a).filter({ hasText: SANCTION })).toContainText('from tab b');

  // A label made in one tab reaches the other too.
  await a.getByText('Labels', { exact: true }).click();
  await a.getByLabel('New label').fill('Source');
  await a.getByRole('button', { name: 'Add label' }).click();
  await expect(b.getByRole('button', { name: 'Source', exact: true })).toHaveAttribute('aria-keyshortcuts', '4');

  await selectItem(a, DENIAL);
  await deleteSelected(a);
  await expect(h.annotationItems(b)).toHaveCount(1);
  await expect(h.annotationItems(b).first()).toContainText(SANCTION);

  for (const page of [a, b]) {
    await page.reload();
    await expect(h.annotationItems(page)).toHaveCount(1);
    await expect(h.annotationItems(page).first()).toContainText('from tab b');
  }
});

test('a tab that missed the other tab’s saves neither brings back what was deleted nor drops what was added', async ({ context }) => {
  const a = await context.newPage();
  const stale = await context.newPage();
  // The stale tab hears of no save made elsewhere, as a page frozen in the background would not.
  await stale.addInitScript(() => {
    window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);
  });
  await h.freshStart(a);
  await a.bringToFront();
  await h.drag(a, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await a.keyboard.press('2');
  await h.freshStart(stale);
  await expect(h.annotationItems(stale)).toHaveCount(1);

  // Meanwhile the first tab deletes the denial and labels a sanction; the stale tab sees neither.
  await selectItem(a, DENIAL);
  await deleteSelected(a);
  await a.bringToFront();
  await h.drag(a, 'New sanctions announced', 'by Western allies');
  await a.keyboard.press('3');
  await expect(h.annotationItems(a)).toHaveCount(1);
  await expect(h.annotationItems(stale)).toHaveCount(1);
  await expect(h.annotationItems(stale).first()).toContainText(DENIAL);

  // The stale tab labels a claim: its save takes in what the other saved, and keeps its own.
  await stale.bringToFront();
  await h.drag(stale, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await stale.keyboard.press('1');
  await expect(h.annotationItems(stale)).toHaveCount(2);
  await expect(h.annotationItems(stale).filter({ hasText: DENIAL })).toHaveCount(0);
  await expect(h.annotationItems(stale).filter({ hasText: SANCTION })).toHaveCount(1);

  const saved = JSON.parse(await h.savedState(stale));
  expect(saved.version).toBe(5);
  expect(saved.documents[h.ARTICLE].map((x) => x.quote).sort()).toEqual(['Iran dismisses allegations', SANCTION]);
  expect(Object.keys(saved.deleted)).toHaveLength(1);
  await expect(h.annotationItems(a)).toHaveCount(2);
  await a.reload();
  await expect(h.annotationItems(a)).toHaveCount(2);
  await expect(h.annotationItems(a).filter({ hasText: DENIAL })).toHaveCount(0);
});

test('work saved by a newer Glossa in another tab is never written over, and the tab says why it is not saving', async ({ context }) => {
  const a = await context.newPage();
  await h.freshStart(a);
  await h.drag(a, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await a.keyboard.press('2');
  await expect(h.annotationItems(a)).toHaveCount(1);
  await h.savedState(a);
  // Another tab, of a Glossa from the future, saves a version this one does not know.
  const newer = JSON.stringify({ version: 99, documents: { [h.ARTICLE]: [] }, shape: 'unknown here' });
  const other = await context.newPage();
  await other.goto('./not-glossa'); // any page of the same origin shares its local storage
  await other.evaluate(([key, raw]) => localStorage.setItem(key, raw), [h.KEYS.state, newer]);
  const alert = a.getByRole('alert').filter({ hasText: 'Another tab saved work that this tab cannot read' });
  await expect(alert).toContainText('version 99');
  await expect(alert.getByRole('button', { name: 'Export now' })).toBeVisible();

  // This tab's work goes on in memory, and is not saved over the newer one.
  await a.bringToFront();
  await h.drag(a, 'New sanctions announced', 'by Western allies');
  await a.keyboard.press('3');
  await expect(h.annotationItems(a)).toHaveCount(2);
  expect(await h.savedState(a)).toBe(newer);
});

/** The classroom's record as saved, once the page has saved what it holds. */
async function savedRecord(page) {
  return JSON.parse(await h.saved(page, 'glossa.v1.classroom'));
}

async function newAssignment(page, title) {
  await page.bringToFront();
  await page.getByRole('button', { name: 'New assignment' }).click();
  await page.getByRole('textbox', { name: 'Assignment title' }).fill(title);
  await page.getByRole('textbox', { name: 'Assignment title' }).press('Tab');
}

// The classroom's record is joined between tabs as the work is: a tab that never heard of an
// assignment made elsewhere takes it in before it writes; what a newer Glossa saved is never
// written over.
test('the classroom joins between tabs: an assignment made in one tab survives an edit in a tab that did not hear of it', async ({ context }) => {
  const first = await context.newPage();
  const stale = await context.newPage();
  await stale.addInitScript(() => {
    window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);
  });
  await h.freshStart(first);
  await first.getByRole('button', { name: 'Teacher' }).click();
  await newAssignment(first, 'Week 3');
  await h.freshStart(stale);
  await stale.getByRole('button', { name: 'Teacher' }).click();
  const chosen = (page) => page.getByRole('combobox', { name: 'Assignment', exact: true });
  await expect(chosen(stale).getByRole('option')).toHaveText(['Week 3']);

  // The first tab makes another assignment; the stale tab does not hear of it.
  await newAssignment(first, 'Week 4');
  await expect(chosen(first).getByRole('option')).toHaveText(['Week 3', 'Week 4']);
  await expect(chosen(stale).getByRole('option')).toHaveText(['Week 3']);

  // The stale tab edits Week 3: its save takes in Week 4 first, and keeps its own edit.
  await stale.bringToFront();
  await stale.getByRole('textbox', { name: 'Instructions' }).fill('Mark every denial.');
  await stale.getByRole('textbox', { name: 'Instructions' }).press('Tab');
  await expect(chosen(stale).getByRole('option')).toHaveText(['Week 3', 'Week 4']);
  const saved = await savedRecord(stale);
  expect(saved.teaching.map((t) => [t.assignment.title, t.assignment.instructions])).toEqual([['Week 3', 'Mark every denial.'], ['Week 4', '']]);

  for (const page of [first, stale]) {
    await page.reload();
    await page.getByRole('button', { name: 'Teacher' }).click();
    await expect(chosen(page).getByRole('option')).toHaveText(['Week 3', 'Week 4']);
    await chosen(page).selectOption({ label: 'Week 3' });
    await expect(page.getByRole('textbox', { name: 'Instructions' })).toHaveValue('Mark every denial.');
  }
});

test('a classroom saved by a newer Glossa in another tab is never written over, and the tab says why it is not saving', async ({ context }) => {
  const a = await context.newPage();
  await h.freshStart(a);
  await a.getByRole('button', { name: 'Teacher' }).click();
  await newAssignment(a, 'Week 3');
  expect((await savedRecord(a)).teaching).toHaveLength(1);
  const newer = JSON.stringify({ version: 99, classes: 'shaped as this Glossa does not know' });
  const other = await context.newPage();
  await other.goto('./not-glossa');
  await other.evaluate((raw) => localStorage.setItem('glossa.v1.classroom', raw), newer);
  const alert = a.getByRole('alert').filter({ hasText: 'Another tab saved assignments that this tab cannot read' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Export now' })).toBeVisible();
  await newAssignment(a, 'Week 4');
  expect(await other.evaluate(() => localStorage.getItem('glossa.v1.classroom'))).toBe(newer);
});

// Typing is never lost and never a shortcut: while a person types into any text field, saves of
// another tab arrive and the view around the field updates; the field keeps its text and its
// focus, and the keys typed there (digits, ?, ], [) never reach the shortcuts.
const TYPED = 'Who? 1 said 2]3[ so';

/** Another tab's save, as a tab writes it: `change` applied to the stored value of `key`. */
async function anotherTabSaves(other, key, change) {
  await other.evaluate(({ key, change }) => {
    const value = JSON.parse(localStorage.getItem(key));
    // eslint-disable-next-line no-new-func
    new Function('value', 'now', change)(value, new Date().toISOString());
    localStorage.setItem(key, JSON.stringify(value));
  }, { key, change });
}

/** Types `TYPED` into `field` at 20 ms a key while `other` saves three times, then checks it. */
async function typeWhileAnotherTabSaves(page, field, save) {
  await page.bringToFront();
  await field.click();
  const typing = field.pressSequentially(TYPED, { delay: 20 });
  for (let n = 0; n < 3; n++) {
    await page.waitForTimeout(80);
    await save(n);
  }
  await typing;
  await expect(field).toHaveValue(TYPED);
  await expect(field).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('every text field keeps its text and focus while another tab saves, and what is typed there is never a shortcut', async ({ context }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  const other = await context.newPage();
  await other.goto('./');
  const text = h.articleText(h.ARTICLE);
  // Another tab adds a claim on the open article.
  const annotates = (n) => anotherTabSaves(other, 'glossa.v1.state', `
    const start = ${200 + 40 * n}, end = start + 12;
    const quote = Array.from(${JSON.stringify(text)}).slice(start, end).join('');
    (value.documents['${h.ARTICLE}'] ||= []).push({ id: 'elsewhere-${n}-' + now, label: 'claim', start, end, quote, note: '', attributed_to: '', created_at: now, updated_at: now });
  `);

  await h.freshStart(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await typeWhileAnotherTabSaves(page, editor.getByRole('textbox', { name: 'Note' }), annotates);
  await expect(h.annotationItems(page)).toHaveCount(4);
  await typeWhileAnotherTabSaves(page, editor.getByRole('textbox', { name: 'Attributed to' }), (n) => annotates(n + 3));
  await expect(h.annotationItems(page)).toHaveCount(7);
  const denial = JSON.parse(await h.savedState(page)).documents[h.ARTICLE].find((a) => a.quote.startsWith('Iran vehemently'));
  expect([denial.label, denial.note, denial.attributed_to]).toEqual(['denial', TYPED, TYPED]);

  // A text of one's own, renamed while the other tab saves.
  await page.getByLabel('Paste text').fill('Field notes\n\nThe ministry denies the transfer.');
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  const title = page.getByRole('region', { name: 'Document details' }).getByRole('textbox', { name: 'Title' });
  await title.fill('');
  await typeWhileAnotherTabSaves(page, title, (n) => annotates(n + 6));
  await title.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TYPED);

  // The teacher's fields, while another tab changes how the same assignment's key travels.
  await page.getByRole('button', { name: 'Teacher' }).click();
  await newAssignment(page, 'Week 3');
  const travels = (n) => anotherTabSaves(other, 'glossa.v1.classroom', `
    value.teaching[0].key_travel = ['open', 'kept', 'open'][${n}];
    value.teaching[0].updated_at = now;
  `);
  const assignment = page.getByRole('region', { name: 'Assignment' });
  for (const name of ['Assignment title', 'Instructions']) {
    await assignment.getByRole('textbox', { name }).fill('');
    await typeWhileAnotherTabSaves(page, assignment.getByRole('textbox', { name }), travels);
    await assignment.getByRole('textbox', { name }).press('Tab');
  }
  await assignment.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  await assignment.getByRole('checkbox', { name: 'Lock the key with a passphrase' }).check();
  await typeWhileAnotherTabSaves(page, assignment.getByLabel('Passphrase for the key'), (n) => annotates(n + 9));
  const record = await savedRecord(page);
  expect([record.teaching[0].assignment.title, record.teaching[0].assignment.instructions]).toEqual([TYPED, TYPED]);

  // A student's name, while another tab saves the work.
  const student = await h.download(page, () => assignment.getByRole('button', { name: 'Export assignment' }).click());
  await page.getByLabel('Import JSON').setInputFiles(student.path);
  const name = page.getByRole('region', { name: 'Assignment' }).getByRole('textbox', { name: 'Your name' });
  const touches = () => anotherTabSaves(other, 'glossa.v1.classroom', 'value.taking[0].updated_at = now;');
  await typeWhileAnotherTabSaves(page, name, touches);
  await name.press('Tab');
  expect((await savedRecord(page)).taking[0].student).toBe(TYPED);
});
