// Documents of one's own: pasted, opened, dropped; normalised; renamed, deleted and undone; kept
// across reloads in IndexedDB; exported with their text; brought back by importing other formats.
const { test, expect } = require('@playwright/test');
const crypto = require('node:crypto');
const fs = require('node:fs');
const h = require('./helpers');

const sha256 = (text) => crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const nav = (page) => page.getByRole('navigation', { name: 'Articles' });
const details = (page) => page.getByRole('region', { name: 'Document details' });

async function paste(page, text) {
  await page.getByLabel('Paste text').fill(text);
  await page.getByRole('button', { name: 'Add pasted text' }).click();
}

test('a pasted text is normalised, shown with its size and digest, annotated, kept and exported with its text', async ({ page }) => {
  await page.goto('./');
  const text = 'Field notes 🚀\n\nThe ministry denies the transfer, says Cafe\u0301 owner.';
  const normalised = text.normalize('NFC');
  await paste(page, text);
  await expect(nav(page).getByRole('link', { name: /Field notes 🚀/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Field notes 🚀');
  await expect(details(page)).toContainText(sha256(normalised));
  await expect(details(page)).toContainText(`${Buffer.byteLength(normalised)} bytes, ${Array.from(normalised).length} characters`);

  await h.drag(page, 'denies', 'transfer');
  await page.keyboard.press('2');
  await expect(h.annotationItems(page)).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Field notes 🚀');
  await expect(h.annotationItems(page)).toHaveCount(1);
  const { json } = await h.exportJson(page);
  const mine = json.documents.find((d) => d.source === null);
  expect(mine.text).toBe(normalised);
  expect(mine.text_sha256).toBe(sha256(normalised));
  const [annotation] = mine.annotations;
  expect(h.codePointSlice(mine.text, annotation.start, annotation.end)).toBe('denies the transfer');
  expect(annotation.quote).toBe('denies the transfer');
});

test('several files open at once; BOM, CRLF and decomposed letters are normalised; bad UTF-8 is refused by name', async ({ page }) => {
  await page.goto('./');
  const raw = '\uFEFFMinutes\r\nThe envoy said Cafe\u0301 talks failed.\r\n';
  await page.getByLabel('Add documents').setInputFiles([
    { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(raw, 'utf8') },
    { name: 'plan.md', mimeType: 'text/markdown', buffer: Buffer.from('# Plan\n\nSanctions follow.\n', 'utf8') },
    { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from([0x61, 0x62, 0xff, 0x63]) },
  ]);
  await expect(page.getByRole('status')).toContainText('Added “Minutes”, “# Plan”');
  await expect(page.getByRole('status')).toContainText('“broken.txt” was not added: it is not UTF-8 text (byte 2 is not valid UTF-8)');
  await expect(nav(page).getByRole('link', { name: /Minutes/ })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: /# Plan/ })).toBeVisible();
  await nav(page).getByRole('link', { name: /Minutes/ }).click();
  const normalised = 'Minutes\nThe envoy said Café talks failed.\n';
  await expect(details(page)).toContainText(sha256(normalised));

  // The same text again is not a second document.
  await page.getByLabel('Add documents').setInputFiles({ name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(normalised) });
  await expect(page.getByRole('alert')).toContainText('“again.txt” is already here, as “Minutes”.');
});

test('dropping files on the page adds them', async ({ page }) => {
  await page.goto('./');
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped report\nIran denies it.'], 'dropped.txt', { type: 'text/plain' }));
    return data;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(nav(page).getByRole('link', { name: /Dropped report/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropped report');
});

test('rename and delete with undo; bundled articles have no delete button', async ({ page }) => {
  await h.freshStart(page);
  await expect(page.getByRole('button', { name: 'Delete document' })).toHaveCount(0);
  await paste(page, 'Draft title\nA claim about missiles.');
  // The open article had "claims" too: the drag waits for the pasted text to be the one shown.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft title');
  await h.articleReady(page);
  await h.drag(page, 'claim', 'missiles');
  await page.keyboard.press('1');
  await page.getByRole('textbox', { name: 'Title' }).fill('Final title');
  await page.getByRole('textbox', { name: 'Title' }).press('Enter');
  await expect(nav(page).getByRole('link', { name: /Final title/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Final title');

  await page.getByRole('button', { name: 'Delete document' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted “Final title” and its 1 annotations');
  await expect(nav(page).getByRole('link', { name: /Final title/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await nav(page).getByRole('link', { name: /Final title/ }).click();
  await expect(h.annotationItems(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(nav(page).getByRole('link', { name: /Draft title/ })).toBeVisible();
  await page.reload();
  await expect(nav(page).getByRole('link', { name: /Draft title/ })).toBeVisible();
});

test('a text too large for local storage is kept in IndexedDB', async ({ page }) => {
  // Six times the benchmark document: this is about where the text is kept, not speed.
  test.setTimeout(240_000);
  await page.goto('./');
  const line = 'Sanctions were announced against the shipping network and its owners. '.repeat(14);
  const text = `Large report\n${Array.from({ length: 6500 }, (_, i) => `${i} ${line}`).join('\n')}`;
  expect(text.length).toBeGreaterThan(6_000_000);
  await page.getByLabel('Add documents').setInputFiles({ name: 'large.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Large report', { timeout: 90_000 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Large report', { timeout: 90_000 });
  await expect(details(page)).toContainText(sha256(text), { timeout: 30_000 });
  const saved = await h.savedState(page);
  expect(saved.length).toBeLessThan(100_000);
});

test('importing another tool’s file brings its documents into the Articles list', async ({ page }) => {
  await page.goto('./');
  const text = 'Agency wire\r\nTehran denies sending 🚀 missiles; Washington announces sanctions.';
  // Offsets in code points of the text as the file has it, \r\n and all.
  const span = (needle) => {
    const start = Array.from(text.slice(0, text.indexOf(needle))).length;
    return [start, start + Array.from(needle).length];
  };
  const lines = [
    JSON.stringify({ text, label: [[...span('denies sending 🚀 missiles'), 'Denial'], [...span('announces sanctions'), 'Sanction'], [...span('Agency'), 'Source']] }),
    JSON.stringify({ text: 'Second line document', label: [] }),
  ].join('\n');
  await page.getByLabel('Import JSON').setInputFiles({ name: 'wire.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines) });
  await expect(page.getByRole('status')).toContainText('3 annotations taken (3 new');
  await expect(page.getByRole('status')).toContainText('2 documents added: “Agency wire”, “Second line document”');
  await expect(page.getByRole('status')).toContainText('new labels: Source');
  await nav(page).getByRole('link', { name: /Agency wire/ }).click();
  await expect(h.annotationItems(page)).toHaveCount(3);
  const quotes = await page.locator('article mark').allTextContents();
  expect(quotes).toContain('denies sending 🚀 missiles');

  // Every importable format the browser exports comes back into an empty browser whole.
  for (const format of ['w3c', 'doccano', 'label-studio', 'spacy', 'glossa-json']) {
    await page.getByLabel('Export format').selectOption(format);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await (await downloadPromise).path();
    const fresh = await page.context().browser().newPage({ baseURL: page.url().split('#')[0] });
    await fresh.goto('./');
    await fresh.getByLabel('Import JSON').setInputFiles({ name: `export.${format}`, mimeType: 'application/json', buffer: fs.readFileSync(file) });
    if (format === 'w3c') {
      // Web annotations carry no text: they are refused here by name, for want of the documents.
      await expect(fresh.getByRole('alert')).toContainText('no document here has this text');
    } else {
      await expect(fresh.getByRole('status')).toContainText('3 annotations taken (3 new');
      await fresh.getByRole('navigation', { name: 'Articles' }).getByRole('link', { name: /Agency wire/ }).click();
      await expect(h.annotationItems(fresh)).toHaveCount(3);
    }
    await fresh.close();
  }
});
