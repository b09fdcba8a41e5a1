// Sources and sureness: who a claim comes from, sorted as lessons sort sources (a kind, on the
// record, in a position to know), and whether the reader is sure; kept, undone and exported; and,
// against a key, the confident errors listed first and each student's sureness weighed against
// their accuracy.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const DENIAL = ['Iran vehemently denies', 'ballistic missiles to Russia', '2'];
const CLAIM = ['U.S. and Britain accuse', 'for use in Ukraine', '1'];
const EXTRA = ['Iran dismisses allegations', 'Iran dismisses allegations', '1'];

/** Opens the editor's folded source fields, unless they are open already. */
async function openSource(editor) {
  if (!(await editor.getByRole('combobox', { name: 'Source' }).isVisible())) await editor.getByText('Source and sureness').click();
  await expect(editor.getByRole('combobox', { name: 'Source' })).toBeVisible();
}

test('a claim’s source is sorted and its sureness marked with U: drawn dotted, kept over a reload, undone, exported', async ({ page }) => {
  await h.freshStart(page);
  await h.label(page, CLAIM);
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await editor.getByRole('textbox', { name: 'Attributed to' }).fill('U.S. and Britain');
  // Folded until asked for: the editor stays short.
  await expect(editor.getByRole('combobox', { name: 'Source' })).toBeHidden();
  await editor.getByText('Source and sureness').click();
  await editor.getByRole('combobox', { name: 'Source' }).selectOption('government or body');
  await editor.getByRole('checkbox', { name: 'On the record' }).check();
  await editor.getByRole('checkbox', { name: 'In a position to know' }).check();
  // U, with the annotation selected (the focus in the article, not in a field).
  await page.getByRole('article').focus();
  await page.keyboard.press('u');
  await expect(editor.getByRole('checkbox', { name: 'Unsure' })).toBeChecked();
  await expect(page.getByRole('status')).toContainText('Marked unsure.');
  await expect(editor.getByText(/^Source and sureness: /)).toHaveText('Source and sureness: government or body · on the record · in a position to know · unsure');
  const mark = page.getByRole('article').locator('mark.unsure');
  await expect(mark).not.toHaveCount(0);
  expect(await mark.first().evaluate((m) => getComputedStyle(m).textDecorationStyle)).toBe('dotted');
  await expect(mark.first()).toHaveAttribute('title', /^Claim \(unsure\)/);
  await expect(h.annotationItems(page).first()).toContainText('unsure');
  await expect(h.annotationItems(page).first()).toContainText('U.S. and Britain (government or body)');

  await page.reload();
  await h.annotationItems(page).first().click();
  const again = page.getByRole('group', { name: 'Selected annotation' });
  await openSource(again);
  await expect(again.getByRole('combobox', { name: 'Source' })).toHaveValue('government or body');
  await expect(again.getByRole('checkbox', { name: 'On the record' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'In a position to know' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'Unsure' })).toBeChecked();

  const { json } = await h.exportJson(page);
  expect(h.documentOf(json).annotations[0]).toMatchObject({
    attributed_to: 'U.S. and Britain', source_kind: 'government or body', on_the_record: true, in_a_position_to_know: true, unsure: true,
  });
  // Undone one step at a time: sure again first.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('article').locator('mark.unsure')).toHaveCount(0);
  await expect(h.annotationItems(page).first()).not.toContainText('unsure');
  // Clicked off and on again in the editor.
  await h.annotationItems(page).first().click();
  await openSource(page.getByRole('group', { name: 'Selected annotation' }));
  await page.getByRole('group', { name: 'Selected annotation' }).getByRole('checkbox', { name: 'Unsure' }).check();
  await expect(page.getByRole('article').locator('mark.unsure')).not.toHaveCount(0);
  // The claims board heads the speaker's group with the kind of source given.
  await page.getByRole('button', { name: 'Claims board' }).click();
  await expect(page.getByRole('table', { name: 'Claims board' }).getByRole('rowheader')).toHaveText(['U.S. and Britain — government or body (1)']);
});

test('against the key, what a student was sure of and got wrong comes first, links are scored, and the teacher sees whether sureness matched accuracy', async ({ browser }) => {
  test.setTimeout(90_000);
  const teacher = await browser.newContext({ acceptDownloads: true });
  const t = await teacher.newPage();
  await h.newAssignment(t, 'How sure');
  // The class's own kinds of source.
  await t.getByRole('textbox', { name: 'Kinds of source' }).fill('government\n\nanonymous source\nGovernment');
  await t.getByRole('textbox', { name: 'Kinds of source' }).press('Tab');
  await expect(t.getByRole('textbox', { name: 'Kinds of source' })).toHaveValue('government\nanonymous source');
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  // The key: a claim, and the denial that denies it, by a government.
  await h.label(t, CLAIM);
  await h.label(t, DENIAL);
  await openSource(t.getByRole('group', { name: 'Selected annotation' }));
  await t.getByRole('group', { name: 'Selected annotation' }).getByRole('combobox', { name: 'Source' }).selectOption('government');
  await h.linkTo(t, CLAIM[0]);
  await t.keyboard.press('Escape');
  await expect(h.annotationItems(t)).toHaveCount(2);
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());

  const { context: student, page: s } = await h.studentWith(browser, assignment.path);
  // The claim, right but unsure; the denial, right and sure, linked as the key links it; another
  // denial, sure and wrong (a confident error), linked to the claim as the key does not.
  await h.label(s, CLAIM);
  await s.getByRole('article').focus();
  await s.keyboard.press('u');
  await expect(s.getByRole('group', { name: 'Selected annotation' }).getByText(/^Source and sureness/)).toHaveText('Source and sureness: unsure');
  await h.label(s, DENIAL);
  // The Source offers the teacher's kinds.
  const studentEditor = s.getByRole('group', { name: 'Selected annotation' });
  await openSource(studentEditor);
  await expect(studentEditor.getByRole('combobox', { name: 'Source' }).getByRole('option')).toHaveText(['(not said)', 'government', 'anonymous source']);
  await studentEditor.getByRole('combobox', { name: 'Source' }).selectOption('anonymous source');
  await h.linkTo(s, CLAIM[0]);
  await h.label(s, [EXTRA[0], EXTRA[1], '2']);
  await h.linkTo(s, CLAIM[0]);
  await s.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const handIn = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
  expect(JSON.parse(handIn.text).version).toBe(3);
  await s.getByRole('button', { name: 'Check my work' }).click();
  const feedback = s.getByRole('region', { name: 'Feedback' });
  await expect(feedback).toContainText('1 annotation you were sure of is not in the key as marked: it comes first below.');
  const items = feedback.locator('.feedback-items').getByRole('button');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toHaveText('+ Extra Denial: “Iran dismisses allegations”');
  await expect(items.filter({ hasText: '(unsure)' })).toHaveText(/^✓ Hit Claim \(unsure\): “U\.S\. and Britain accuse/);
  // Links: one of the two made is the key's, which makes one.
  await expect(feedback.getByRole('row', { name: /^Links/ }).getByRole('cell')).toHaveText(['0.50', '1.00', '0.67', '2', '1']);
  await expect(feedback).toContainText('You made 1 of the 1 link the key makes; 1 of your 2 links is not in it');

  await t.getByLabel('Collect work').setInputFiles(handIn.path);
  const row = t.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Ada/ });
  await expect(row.locator('td.links')).toHaveText('0.67');
  await expect(row.locator('td.sureness')).toHaveText('sure 1/2 right, unsure 1/1 right: did not match');
  // The key gives one kind of source; Ada gave another for that denial.
  await expect(row.locator('td.sources')).toHaveText('0/1');
  await teacher.close();
  await student.close();
});
