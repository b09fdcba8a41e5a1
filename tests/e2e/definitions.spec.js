// Labels that explain themselves: a definition and examples per label, written by the teacher in
// the teacher view (or by anyone for their own labels), carried by the assignment file, shown on
// the label buttons when pointed at or focused, read with them, listed with the shortcuts and in
// the printed handout's key, and exported.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const DEFINITION = 'Someone says a claim is untrue. Mark the words of the denial, not the claim.';
const EXAMPLES = ['Iran vehemently denies supplying ballistic missiles to Russia', 'Iran dismisses allegations'];
const EXPLAINED = `Denial: ${DEFINITION} For example: “${EXAMPLES[0]}”; “${EXAMPLES[1]}”.`;

/** The label button `name` of the toolbar, and the tip beside it. */
function labelButton(page, name) {
  const toolbar = page.getByRole('toolbar', { name: 'Labels' });
  return { button: toolbar.getByRole('button', { name, exact: true }), tip: toolbar.getByRole('tooltip') };
}

test('a teacher defines a label, and the student’s label button explains it from the assignment file', async ({ browser }) => {
  const teacher = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const t = await teacher.newPage();
  await h.newAssignment(t, 'Who denies what');
  const denial = t.getByRole('group', { name: 'What each label means' }).getByRole('group', { name: 'Denial' });
  // Glossa's own definition is where the teacher starts.
  await expect(denial.getByRole('textbox', { name: 'Definition' })).toHaveValue(/^A statement by someone that a claim is false/);
  await denial.getByRole('textbox', { name: 'Definition' }).fill(DEFINITION);
  await denial.getByRole('textbox', { name: 'Examples' }).fill(`“${EXAMPLES[0]}”\n\n${EXAMPLES[1]}\n`);
  await denial.getByRole('textbox', { name: 'Examples' }).press('Tab');
  // A fourth example is refused where the teacher is looking, and the field shows what is kept.
  await denial.getByRole('textbox', { name: 'Examples' }).fill('one\ntwo\nthree\nfour');
  await denial.getByRole('textbox', { name: 'Examples' }).press('Tab');
  await expect(t.getByRole('alert')).toContainText('A label has at most 3 examples, one a line; these are 4.');
  await expect(denial.getByRole('textbox', { name: 'Examples' })).toHaveValue(EXAMPLES.join('\n'));
  // The definition survives a reload of the teacher's page.
  await t.reload();
  await expect(t.getByRole('group', { name: 'Denial' }).getByRole('textbox', { name: 'Definition' })).toHaveValue(DEFINITION);

  const file = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
  const sent = JSON.parse(file.text);
  expect(sent.version).toBe(3);
  const sentDenial = sent.labels.find((l) => l.id === 'denial');
  expect([sentDenial.definition, sentDenial.examples]).toEqual([DEFINITION, EXAMPLES]);

  // The student, in a browser of their own, opens the file.
  const { context: student, page: s } = await h.studentWith(browser, file.path, { viewport: { width: 1366, height: 768 } });
  const { button, tip } = labelButton(s, 'Denial');
  // Read with the button by assistive technology, whether or not it is shown.
  await expect(button).toHaveAccessibleDescription(EXPLAINED);
  await expect(tip).toBeHidden();
  await button.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(EXPLAINED);
  // Shown on screen, over nothing it blocks: the pointer goes through it.
  const box = await tip.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  const under = await s.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[role="tooltip"]') === null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(under).toBe(true);
  await s.mouse.move(5, 700);
  await expect(tip).toBeHidden();

  // Focused from the keyboard (a selection made, the buttons are live): shown too.
  await h.drag(s, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await button.focus();
  await s.keyboard.press('Shift+Tab');
  await s.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await expect(tip).toBeVisible();

  // The list of shortcuts says what each label means.
  await s.getByRole('button', { name: 'Shortcuts' }).click();
  const shortcuts = s.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('listitem').filter({ hasText: 'label the selection Denial' })).toContainText(DEFINITION);
  await teacher.close();
  await student.close();
});

test('one’s own label is defined in the label editor, kept over a reload, exported in Glossa JSON, and printed in the handout’s key', async ({ page }) => {
  await h.freshStart(page);
  await page.getByText('Labels', { exact: true }).click();
  await page.getByLabel('New label').fill('Source');
  await page.getByRole('button', { name: 'Add label' }).click();
  const row = page.getByRole('group', { name: 'Source' });
  await expect(row.getByRole('textbox', { name: 'Definition' })).toBeHidden();
  await row.getByText('Definition and examples').click();
  await row.getByRole('textbox', { name: 'Definition' }).fill('Who a claim comes from.');
  await row.getByRole('textbox', { name: 'Definition' }).press('Tab');
  await row.getByRole('textbox', { name: 'Examples' }).fill('a senior U.S. official');
  await row.getByRole('textbox', { name: 'Examples' }).press('Tab');
  await page.keyboard.press('Escape');
  const { button } = labelButton(page, 'Source');
  await expect(button).toHaveAccessibleDescription('Source: Who a claim comes from. For example: “a senior U.S. official”.');
  await page.reload();
  await expect(labelButton(page, 'Source').button).toHaveAccessibleDescription(/^Source: Who a claim comes from\./);

  const { json: exported } = await h.exportJson(page);
  expect(exported.version).toBe(5);
  expect(exported.labels.find((l) => l.id === 'source')).toMatchObject({ definition: 'Who a claim comes from.', examples: ['a senior U.S. official'] });
  expect(exported.labels.find((l) => l.id === 'claim').definition).toMatch(/^A statement that something happened/);

  // The handout printed to be marked on paper carries the key of labels.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const key = page.getByRole('region', { name: 'Key of labels' });
  await expect(key.getByRole('listitem')).toHaveCount(4);
  await expect(key.getByRole('listitem').last()).toHaveText('Source: Who a claim comes from. For example: “a senior U.S. official”.');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(key).toHaveCount(0);
});

test('labels defined in a file come with it; a file of a newer version is refused, and older files import without definitions', async ({ page }) => {
  await h.freshStart(page);
  const file = (version, label) => JSON.stringify({ format: 'glossa-annotations', version, exported_at: '2026-12-01T10:00:00Z', labels: [label], documents: [] });
  const source = { id: 'source', name: 'Source', color: '#cc79a7', key: '', definition: 'Who a claim comes from.', examples: ['a senior U.S. official'] };
  await page.getByLabel('Import JSON').setInputFiles({ name: 'labels.json', mimeType: 'application/json', buffer: Buffer.from(file(4, source)) });
  await expect(labelButton(page, 'Source').button).toHaveAccessibleDescription('Source: Who a claim comes from. For example: “a senior U.S. official”.');
  const newer = { ...source, id: 'hedge', name: 'Hedge' };
  await page.getByLabel('Import JSON').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(file(6, newer)) });
  await expect(page.getByRole('alert')).toContainText('version is 6');
  await expect(labelButton(page, 'Hedge').button).toHaveCount(0);
  const older = { id: 'rumour', name: 'Rumour', color: '#f0e442', key: '' };
  await page.getByLabel('Import JSON').setInputFiles({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(file(3, older)) });
  await expect(labelButton(page, 'Rumour').button).toBeVisible();
  await expect(labelButton(page, 'Rumour').button).toHaveAccessibleDescription('');
});
