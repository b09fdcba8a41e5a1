// An article printed as a handout: the text with each highlight underlined and its label named,
// notes and attribution as numbered footnotes after it, and nothing of the page around it.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('an article prints as a handout: labels named in black and white, notes and attribution as footnotes, no page furniture', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await h.freshStart(page);
  await h.label(page, ['Iran’s foreign minister firmly rejects claims', 'Iran’s foreign minister firmly rejects claims', '2']);
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await editor.getByRole('textbox', { name: 'Attributed to' }).fill('Iran’s foreign minister');
  await editor.getByRole('textbox', { name: 'Note' }).fill('The denial in the summary.');
  await page.keyboard.press('Escape');
  await h.label(page, ['U.S. and Britain accuse Iran', 'U.S. and Britain accuse Iran', '1']);
  await h.label(page, ['Iran dismisses allegations', 'Iran dismisses allegations', '2']);
  await page.getByRole('group', { name: 'Selected annotation' }).getByRole('textbox', { name: 'Note' }).fill('Framed as “propaganda”.');

  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  for (const furniture of [page.getByRole('banner'), page.getByRole('navigation', { name: 'Articles' }), page.getByRole('search', { name: 'Find in article' })]) {
    await expect(furniture).toBeHidden();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes.getByRole('listitem')).toHaveText([
    'Denial “Iran’s foreign minister firmly rejects claims”. Attributed to Iran’s foreign minister. The denial in the summary.',
    'Denial “Iran dismisses allegations”. Framed as “propaganda”.',
  ]);
  // In the text: no colour carries meaning; the label is named where a highlight begins, and the
  // footnote's number follows the highlight that has one.
  const marks = await page.getByRole('article').locator('mark').evaluateAll((marks) => marks.map((mark) => {
    const style = getComputedStyle(mark);
    return {
      text: mark.textContent,
      background: style.backgroundColor,
      shadow: style.boxShadow,
      underline: style.textDecorationLine,
      before: getComputedStyle(mark, '::before').content,
      after: getComputedStyle(mark, '::after').content,
    };
  }));
  expect(marks).toEqual([
    { text: 'Iran’s foreign minister firmly rejects claims', background: 'rgba(0, 0, 0, 0)', shadow: 'none', underline: 'underline', before: '"[Denial]"', after: '"1"' },
    { text: 'U.S. and Britain accuse Iran', background: 'rgba(0, 0, 0, 0)', shadow: 'none', underline: 'underline', before: '"[Claim]"', after: 'none' },
    { text: 'Iran dismisses allegations', background: 'rgba(0, 0, 0, 0)', shadow: 'none', underline: 'underline', before: '"[Denial]"', after: '"2"' },
  ]);
  // And Chromium prints it.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // After printing, the screen is as it was.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.footnotes')).toHaveCount(0);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Glossa stopped' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
