// Undo and redo: a note typed key by key is one step and keeps its focus; create, relabel, delete and
// import walked back and forth, across a reload.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

test('a note typed key by key keeps its focus, and one undo takes the whole note back', async ({ page }) => {
  await h.freshStart(page);
  await h.drag(page, 'Iran dismisses allegations', 'Iran dismisses allegations');
  await page.keyboard.press('2');
  const note = page.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.type('Who says so?');
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('Who says so?');
  await expect(h.annotationItems(page).first()).toContainText('Who says so?');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(note).toHaveValue('');
  await expect(page.getByRole('status')).toContainText('Undone: Note changed');
  await expect(h.annotationItems(page)).toHaveCount(1);
});

test('undo and redo walk back and forth through create, relabel, delete and import, across a reload', async ({ page }) => {
  await h.freshStart(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();

  await h.drag(page, 'Iran vehemently denies', 'ballistic missiles to Russia');
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page).first()).toContainText('Denial');
  const { file } = await h.exportJson(page);
  await page.keyboard.press('Delete');
  await expect(h.annotationItems(page)).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(h.annotationItems(page).first()).toContainText('Denial');
  await page.keyboard.press('Control+z');
  await expect(h.annotationItems(page).first()).toContainText('Claim');
  await page.keyboard.press('Control+Shift+Z');
  await expect(h.annotationItems(page).first()).toContainText('Denial');

  // The history is part of the saved state.
  await page.reload();
  await expect(undo).toHaveAttribute('title', 'Undo: Label changed to Denial');
  await page.keyboard.press('Control+y');
  await expect(h.annotationItems(page)).toHaveCount(0);
  await expect(redo).toBeDisabled();

  await page.getByLabel('Import JSON').setInputFiles(file);
  await expect(h.annotationItems(page)).toHaveCount(1);
  await undo.click();
  await expect(h.annotationItems(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(/Undone: Import of “[^”]+”/);
  await redo.click();
  await expect(h.annotationItems(page)).toHaveCount(1);
  for (let i = 0; i < 4; i++) await undo.click();
  await expect(h.annotationItems(page)).toHaveCount(0);
  await expect(undo).toBeDisabled();
  for (let i = 0; i < 4; i++) await redo.click();
  await expect(h.annotationItems(page)).toHaveCount(1);
  await expect(redo).toBeDisabled();
});
