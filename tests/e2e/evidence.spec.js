// Evidence: a label Glossa has built in but off, added by a reader or used by a class; linked to a
// claim as supporting or contradicting it; and the claims board listing under each claim what
// supports, contradicts, denies and answers it.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const CLAIM = ['U.S. and Britain accuse', 'for use in Ukraine', '1'];
const DENIAL = ['Iran’s foreign minister firmly', 'claims of delivering', '2'];
const EVIDENCE = ['Russia has now received shipments', 'within weeks in Ukraine', '4'];

test('a reader adds the built-in Evidence label, links evidence that supports or contradicts a claim, and the board lists under the claim what answers it', async ({ page }) => {
  await h.freshStart(page);
  const toolbar = page.getByRole('toolbar', { name: 'Labels' });
  await expect(toolbar.getByRole('button', { name: 'Evidence' })).toHaveCount(0);
  await page.getByText('Labels', { exact: true }).click();
  await page.getByRole('button', { name: 'Add Evidence' }).click();
  await expect(page.getByRole('button', { name: 'Add Evidence' })).toHaveCount(0);
  const evidence = toolbar.getByRole('button', { name: 'Evidence' });
  await expect(evidence).toHaveAttribute('aria-keyshortcuts', '4');
  // Defined as Glossa defines it, read with the button.
  await expect(evidence).toHaveAccessibleDescription(/^Evidence: What the text offers to show a claim true or false/);

  await h.label(page, CLAIM);
  await h.label(page, DENIAL);
  await h.linkTo(page, CLAIM[0]);
  await h.label(page, EVIDENCE);
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await h.linkTo(page, CLAIM[0], 'contradicts');
  await expect(editor.getByRole('list', { name: 'Links' })).toHaveText(/^contradicts → “U\.S\. and Britain accuse/);
  // Made again as it should have been: the link takes the new relation, one step of the history.
  await h.linkTo(page, CLAIM[0], 'supports');
  await expect(editor.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(1);
  await expect(editor.getByRole('list', { name: 'Links' })).toHaveText(/^supports → /);
  await page.keyboard.press('Escape');

  const { json } = await h.exportJson(page);
  const annotations = h.documentOf(json).annotations;
  const claimId = annotations.find((a) => a.label === 'claim').id;
  expect(annotations.find((a) => a.label === 'evidence').links).toEqual([{ to: claimId, relation: 'supports' }]);
  expect(annotations.find((a) => a.label === 'denial').links).toEqual([{ to: claimId, relation: 'denies' }]);
  expect(json.labels.map((l) => l.id)).toContain('evidence');

  await page.reload();
  await h.articleReady(page);
  await page.getByRole('button', { name: 'Claims board' }).click();
  const board = page.getByRole('table', { name: 'Claims board' });
  const answers = board.getByRole('list', { name: /^What answers “U\.S\. and Britain accuse/ }).getByRole('listitem');
  await expect(answers).toHaveText([/^supported by “Russia has now received shipments/, /^denied by “Iran’s foreign minister firmly/]);
  // Its quote opens the passage in its article.
  await answers.first().getByRole('button').click();
  await expect(page.getByRole('article')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('a teacher gives a class the Evidence label; the student gets its button, its key and its meaning from the file', async ({ browser }) => {
  const teacher = await browser.newContext({ acceptDownloads: true });
  const t = await teacher.newPage();
  await h.newAssignment(t, 'Weigh the evidence');
  await expect(t.getByRole('checkbox', { name: 'Use Evidence' })).not.toBeChecked();
  await t.getByRole('checkbox', { name: 'Use Evidence' }).check();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
  expect(JSON.parse(assignment.text).labels.map((l) => l.id)).toEqual(['claim', 'denial', 'sanction', 'evidence']);

  const { context: student, page: s } = await h.studentWith(browser, assignment.path);
  const button = s.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: 'Evidence' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleDescription(/^Evidence: /);
  await h.label(s, EVIDENCE);
  await expect(h.annotationItems(s).first()).toContainText('Evidence');
  await teacher.close();
  await student.close();
});
