// The kind of text as a first task: a teacher asks it and gives the key's kinds, which travel
// only with the key; the student chooses, without the answer on screen; Check my work and the
// class results score it.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('a student says what kind of text each document is first, and the feedback and the class results score it', async ({ browser }) => {
  test.setTimeout(60_000);
  const teacher = await browser.newContext({ acceptDownloads: true });
  const t = await teacher.newPage();
  await h.newAssignment(t, 'What kind of text?');
  await t.getByRole('checkbox', { name: 'Ask the kind of each text first' }).check();
  const key = t.getByRole('combobox', { name: /^Kind of “Iran Addresses Controversial/ });
  // The key's kind starts as what the text says of itself.
  await expect(key).toHaveValue('news report');
  // The class's own kinds of text.
  await t.getByRole('textbox', { name: 'Kinds of text' }).fill('news report\nop-ed\nblog');
  await t.getByRole('textbox', { name: 'Kinds of text' }).press('Tab');
  await expect(key.getByRole('option')).toHaveText(['(not asked)', 'news report', 'op-ed', 'blog']);
  await expect(key).toHaveValue('news report');
  await t.getByRole('checkbox', { name: 'Include the answer key in the student copy' }).check();
  const file = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());
  const sent = JSON.parse(file.text);
  expect(sent).toMatchObject({ version: 3, kind_first: true, text_kinds: ['news report', 'op-ed', 'blog'] });
  expect(sent.documents.every((d) => d.kind === undefined)).toBe(true);
  expect(Object.values(sent.key.kinds)).toEqual(['news report']);

  const { context: student, page: s } = await h.studentWith(browser, file.path);
  // The answer is not on the screen while it is asked.
  await expect(s.locator('dl.source dt')).toHaveText(['Not in the text']);
  const choice = s.getByRole('group', { name: 'First: what kind of text is this?' }).getByRole('combobox', { name: 'Kind of this text' });
  await expect(choice.getByRole('option')).toHaveText(['(choose)', 'news report', 'op-ed', 'blog']);
  await choice.selectOption('op-ed');
  await s.reload();
  await h.articleReady(s);
  await expect(s.getByRole('combobox', { name: 'Kind of this text' })).toHaveValue('op-ed');
  await s.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const handIn = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
  const work = JSON.parse(handIn.text);
  expect(work.version).toBe(3);
  expect(work.documents.map((d) => d.kind)).toEqual(['op-ed']);
  await s.getByRole('button', { name: 'Check my work' }).click();
  await expect(s.getByRole('region', { name: 'Feedback' })).toContainText(
    'Kind of text: you chose the kind of 0 of the 1 text as the key does. “Iran Addresses Controversial Allegations of Missile Transfers to Russia”: you said op-ed, the key says news report.',
  );

  await t.getByLabel('Collect work').setInputFiles(handIn.path);
  const row = t.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Ada/ });
  await expect(row.locator('td.kinds')).toHaveText('0/1');
  await expect(t.getByRole('table', { name: 'Class results' }).getByRole('columnheader', { name: 'Kinds' })).toBeVisible();
  expect(await t.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await teacher.close();
  await student.close();
});
