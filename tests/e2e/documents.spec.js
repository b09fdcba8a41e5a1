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
  // While files are over the page, it shows where they go.
  const target = () => page.evaluate(() => document.documentElement.hasAttribute('data-dropping') && getComputedStyle(document.body, '::after').content);
  expect(await target()).toContain('Drop the files here');
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  expect(await target()).toBe(false);
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

/** A doccano file of two documents, one with three spans (offsets in code points of the text as
 *  the file has it, \r\n and all). */
function wireFile() {
  const text = 'Agency wire\r\nTehran denies sending 🚀 missiles; Washington announces sanctions.';
  const span = (needle) => {
    const start = Array.from(text.slice(0, text.indexOf(needle))).length;
    return [start, start + Array.from(needle).length];
  };
  return [
    JSON.stringify({ text, label: [[...span('denies sending 🚀 missiles'), 'Denial'], [...span('announces sanctions'), 'Sanction'], [...span('Agency'), 'Source']] }),
    JSON.stringify({ text: 'Second line document', label: [] }),
  ].join('\n');
}

test('a dataset tool’s file dropped on the page is read in as work, not added as a text', async ({ page }) => {
  await h.freshStart(page);
  const transfer = await page.evaluateHandle((lines) => {
    const data = new DataTransfer();
    data.items.add(new File([lines], 'wire.JSONL', { type: 'application/jsonl' }));
    return data;
  }, wireFile());
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('status')).toContainText('3 annotations taken (3 new');
  await expect(nav(page).getByRole('link', { name: /Agency wire/ })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: /\{"text"/ })).toHaveCount(0);
});

test('importing another tool’s file brings its documents into the Articles list', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Import JSON').setInputFiles({ name: 'wire.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(wireFile()) });
  await expect(page.getByRole('status')).toContainText('3 annotations taken (3 new');
  await expect(page.getByRole('status')).toContainText('2 documents added: “Agency wire”, “Second line document”');
  await expect(page.getByRole('status')).toContainText('new labels: Source');
  await nav(page).getByRole('link', { name: /Agency wire/ }).click();
  await expect(h.annotationItems(page)).toHaveCount(3);
  const quotes = await page.locator('article mark').allTextContents();
  expect(quotes).toContain('denies sending 🚀 missiles');

  // Every importable format the browser exports comes back into an empty browser whole.
  for (const format of ['w3c', 'doccano', 'label-studio', 'spacy', 'glossa-json']) {
    await h.openExport(page);
    await page.getByLabel('Export format').selectOption(format);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download export' }).click();
    const download = await downloadPromise;
    const file = await download.path();
    const fresh = await page.context().browser().newPage({ baseURL: page.url().split('#')[0] });
    await fresh.goto('./');
    // The file as it was downloaded, by its own name (chosen on the first screen or in the app).
    await fresh.getByLabel('Import JSON').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: fs.readFileSync(file) });
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

// An assignment file names its documents by ids; a text is known here by its digest. A file that
// carries a text under the id of one of the student's own (made so, or from an older Glossa) opens
// that text under an id of its own: the student's text stays theirs after a reload and in Export
// JSON, the key and the hand-in still speak the file's id.
test('an assignment that names its text by the id of one of yours keeps both texts, the key and the hand-in right', async ({ page }) => {
  await page.goto('./');
  const mine = 'My notes\n\nThe minister spoke at noon.';
  await paste(page, mine);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
  const mineId = `text-${sha256(mine).slice(0, 16)}`;
  const theirs = 'Briefing\n\nOfficials deny the missile transfer.';
  const denial = { id: 'k1', label: 'denial', start: 10, end: 45, quote: 'Officials deny the missile transfer', note: '', attributed_to: '', created_at: '2026-12-01T09:00:00Z', updated_at: '2026-12-01T09:00:00Z' };
  expect(h.codePointSlice(theirs, denial.start, denial.end)).toBe(denial.quote);
  const assignment = {
    format: 'glossa-assignment', version: 1, id: 'colliding-1', title: 'Colliding', instructions: 'Mark the denial.',
    labels: [
      { id: 'claim', name: 'Claim', color: '#0072b2', key: '1' },
      { id: 'denial', name: 'Denial', color: '#d55e00', key: '2' },
      { id: 'sanction', name: 'Sanction', color: '#009e73', key: '3' },
    ],
    attribution_required: [],
    documents: [{ id: mineId, title: 'Briefing', source: null, text_sha256: sha256(theirs), length: Array.from(theirs).length, text: theirs }],
    key: { mode: 'open', annotations: { [mineId]: [denial] } },
    created_at: '2026-12-01T09:00:00Z',
  };
  await page.getByLabel('Import JSON').setInputFiles({ name: 'colliding.glossa-assignment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(assignment)) });
  await expect(page.getByRole('region', { name: 'Assignment' })).toContainText('Mark the denial.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Briefing');
  await expect(page.getByRole('article')).toContainText('Officials deny the missile transfer.');
  await h.articleReady(page);
  await h.label(page, ['Officials deny', 'missile transfer', '2']);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await page.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const handIn = JSON.parse((await h.download(page, () => page.getByRole('button', { name: 'Hand in' }).click())).text);
  expect(handIn.documents.map((d) => [d.id, d.text_sha256])).toEqual([[mineId, sha256(theirs)]]);
  expect(handIn.documents[0].annotations.map((a) => a.quote)).toEqual([denial.quote]);
  // The open key, keyed by the file's id, is the key of the text the student worked on.
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByRole('region', { name: 'Feedback' })).toContainText('You found 1 of the 1 denials.');

  await page.getByRole('button', { name: 'Back to my own work' }).click();
  await nav(page).getByRole('link', { name: /My notes/ }).click();
  await expect(page.getByRole('article')).toContainText('The minister spoke at noon.');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
  await expect(page.getByRole('article')).toContainText('The minister spoke at noon.');
  const { json } = await h.exportJson(page);
  expect(json.documents.filter((d) => d.source === null).map((d) => [d.id, d.text])).toEqual([[mineId, mine]]);
});

test('the details of one’s own document come from their part: a reader of the bundled articles never fetches it; offline without it the text is still read and labelled, and the reader is told', async ({ page }) => {
  const PART = /\/(split|chunk)_[a-z0-9_]+\.wasm$/;
  const fetched = [];
  page.on('requestfinished', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (PART.test(`/${name}`)) fetched.push(name);
  });
  await h.freshStart(page);
  await h.label(page, ['Iran vehemently denies', 'ballistic missiles to Russia', '2']);
  expect(fetched).not.toContain('split_details.wasm');

  await paste(page, 'Draft title\nA claim about missiles.');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Draft title', { timeout: 15_000 });
  expect(fetched).toContain('split_details.wasm');

  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft title');
  await h.articleReady(page);
  await expect(page.getByRole('alert').filter({ hasText: 'the document’s details' })).toContainText('could not fetch');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveCount(0);
  await h.drag(page, 'claim', 'missiles');
  await page.keyboard.press('1');
  await expect(h.annotationItems(page)).toHaveCount(1);

  await page.unroute(PART);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Draft title', { timeout: 15_000 });
  await expect(h.annotationItems(page)).toHaveCount(1);
});
