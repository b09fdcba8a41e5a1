// The teacher's screens with a class, on a school laptop (1366 × 768): the class made from a real
// student's hand-in, varied as thirty students would vary it. Every control readable, the results
// first, a hand-in opened at its top and left back at its row, and Back and Forward between the
// teacher view, a review and the class discussion.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');
const { LAPTOP, teacherWithAClass } = require('./class_of');

test.use({ viewport: LAPTOP });

test('at 1366 × 768 the teacher view of a class of 30 uses the width, clips no control, and puts the results first', async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, t } = await teacherWithAClass(browser, 30, { before: h.keepWasmMemory });
  // The panels the teacher view does not use are folded away: the view takes the width.
  await expect(t.getByRole('navigation', { name: 'Articles' })).toBeHidden();
  const view = await t.getByRole('region', { name: 'Teacher' }).boundingBox();
  expect(view.width).toBeGreaterThan(1100);
  // Results before the agreement figures, which open with a sentence to read aloud.
  const order = await t.evaluate(() => {
    const at = (selector) => document.querySelector(selector).getBoundingClientRect().top;
    return [at('table.class-results'), at('.class-agreement')];
  });
  expect(order[0]).toBeLessThan(order[1]);
  await expect(t.locator('.agreement-in-words')).toHaveText(/^The class /);
  // Not a button, select or file button whose text is cut, or that reaches past the screen; the
  // page never scrolls sideways. With Agreement in detail open too.
  await t.getByText('Agreement in detail', { exact: true }).click();
  // γ of 30 students, each label's and all labels', is a figure (approximate at this size, and
  // said so), computed after the rest of the page: never "too many" for a class.
  const gammas = t.getByRole('table', { name: 'Agreement' }).getByRole('row').filter({ has: t.getByRole('rowheader') }).locator('td:nth-child(5)');
  await expect(gammas).toHaveText(Array(4).fill(/^≈ -?\d\.\d\d: .* agreement \(approximate for a group this size\)$/));
  const clipped = await t.evaluate(() => [...document.querySelectorAll('.teacher button, .teacher select, .teacher .file-button')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map((e) => e.textContent.trim().slice(0, 40)));
  expect(clipped).toEqual([]);
  expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  // Every pair is drawn only when asked for: 435 pairs of 30 students.
  await expect(t.getByRole('table', { name: 'Pairs' })).toHaveCount(0);
  await expect(t.getByRole('table', { name: 'Each student against the others' }).getByRole('row')).toHaveCount(31);
  await t.getByText('Every pair (435)', { exact: true }).click();
  await expect(t.getByRole('table', { name: 'Pairs' }).getByRole('row')).toHaveCount(436);
  // The class's figures (γ of 30, 435 pairs) are the deepest work the app does: its stack, a
  // quarter of Rust's usual, keeps half of it spare.
  const stack = await h.deepestStackKB(t);
  console.log(`deepest stack with a class of 30: ${stack.toFixed(0)} KB of ${h.WASM_STACK_KB}`);
  expect(stack).toBeLessThanOrEqual(h.WASM_STACK_KB / 2);
  await teacher.close();
});

test('a hand-in opens at its top, Back returns to its row, and the teacher view, a review and the discussion are places Back and Forward reach', async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, t } = await teacherWithAClass(browser, 12);
  const row = t.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Rosalind Franklin/ });
  await row.getByRole('button', { name: 'Open' }).click();
  // At the top: whose work it is, and the way to return it.
  const handIn = t.getByRole('region', { name: 'Hand-in' });
  await expect(handIn.getByRole('heading', { level: 2 })).toContainText('Rosalind Franklin');
  await expect(handIn.getByRole('heading', { level: 2 })).toBeInViewport();
  await expect(handIn.getByRole('button', { name: 'Return to student' })).toBeInViewport();
  expect(t.url()).toContain('#/review/');

  // Back: the teacher view, at her row, its Open focused.
  await t.goBack();
  await expect(t.getByRole('region', { name: 'Teacher' })).toBeVisible();
  expect(t.url()).toMatch(/#\/teacher$/);
  await expect(row).toBeInViewport();
  await expect(row.getByRole('button', { name: 'Open' })).toBeFocused();
  // Forward: her hand-in again.
  await t.goForward();
  await expect(handIn.getByRole('heading', { level: 2 })).toContainText('Rosalind Franklin');

  // The class discussion, at its top; Back to the teacher view, Forward to the discussion.
  await handIn.getByRole('button', { name: 'Back to the teacher view' }).click();
  await t.getByRole('button', { name: 'Open the class discussion' }).click();
  const discussion = t.getByRole('region', { name: 'Class discussion' });
  await expect(discussion.getByRole('heading', { level: 2 })).toBeInViewport();
  expect(t.url()).toContain('#/discussion/');
  await t.goBack();
  await expect(t.getByRole('region', { name: 'Teacher' })).toBeVisible();
  await t.goForward();
  await expect(discussion).toBeVisible();
  // A reload stays where the teacher is.
  await t.goBack();
  await t.reload();
  await expect(t.getByRole('region', { name: 'Teacher' })).toBeVisible();
  await teacher.close();
});

test('projector mode for a room: the article, the bands and the figures large, the counts in words, no name, no control cut, nothing for axe', async ({ browser }) => {
  test.setTimeout(90_000);
  const { teacher, t } = await teacherWithAClass(browser, 12);
  await t.getByRole('button', { name: 'Open the class discussion' }).click();
  const size = () => t.getByRole('article').locator('p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const band = () => t.locator('.class-band').first().evaluate((b) => b.getBoundingClientRect().height);
  const [text, height] = [await size(), await band()];
  await t.getByRole('region', { name: 'Class discussion' }).getByRole('button', { name: 'Projector mode' }).click();
  expect(await size()).toBeGreaterThanOrEqual(text * 1.35);
  expect(await band()).toBeGreaterThanOrEqual(height * 1.35);
  // Each disputed stretch says its counts in words, large, beside its band.
  const counts = t.getByRole('list', { name: /Disputed in paragraph/ }).first().getByRole('listitem').first();
  await expect(counts).toHaveText(/\d+ (Claim|Denial|Sanction|none)/);
  expect(await counts.evaluate((li) => parseFloat(getComputedStyle(li).fontSize))).toBeGreaterThanOrEqual(16);
  expect(await h.seriousViolations(t)).toEqual([]);

  // The teacher view on the projector: names are letters, nothing cut at 1366 × 768.
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  await expect(t.getByRole('table', { name: 'Class results' }).getByRole('rowheader').first()).toHaveText(/^Student [A-Z]$/);
  await t.getByText('Agreement in detail', { exact: true }).click();
  const clipped = await t.evaluate(() => [...document.querySelectorAll('.teacher button, .teacher select, .teacher .file-button')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)
    .map((e) => e.textContent.trim().slice(0, 40)));
  expect(clipped).toEqual([]);
  expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  expect(await h.seriousViolations(t)).toEqual([]);
  await teacher.close();
});
