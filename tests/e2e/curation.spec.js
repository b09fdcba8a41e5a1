// Curation: three annotators' files, each made in a browser of its own, made into one gold
// standard. The threshold accepts at once what the test itself computes; the conflicts are walked
// and decided by keyboard, undone and decided again; the gold is exported in every format with
// exactly the decisions made (Python checks), kept across a reload, scored against each
// annotator, and used as an assignment's key that scores a fourth person's hand-in.
const { test, expect } = require('@playwright/test');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers');

const LAPTOP = { width: 1366, height: 768 };
const NAMES = { denial: 'Denial', claim: 'Claim', sanction: 'Sanction' };

// The spans, as a person drags them, with the label key pressed and who it is attributed to.
const BOTH_DENY = ['Iran vehemently denies', 'ballistic missiles to Russia', '2'];
const SANCTIONS = ['New sanctions announced', 'by Western allies', '3'];
const ACCUSE = ['U.S. and Britain accuse', 'for use in Ukraine', '1'];
const ACCUSE_SHORTER = ['Britain accuse', 'for use in Ukraine', '1'];
const REJECTS = ['Iran’s foreign minister firmly rejects', 'claims of delivering', '2'];

const conflicts = (page) => page.getByRole('region', { name: /^Conflicts/ });

/** One annotator in a browser of their own: their spans labelled, an attribution given where
 *  asked, and their Glossa JSON export as a file to hand on. */
async function annotator(browser, name, spans) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await h.freshStart(page);
  for (const [span, attributedTo] of spans) {
    await h.label(page, span);
    if (attributedTo) {
      await page.getByRole('textbox', { name: 'Attributed to' }).fill(attributedTo);
      await page.getByRole('textbox', { name: 'Attributed to' }).press('Tab');
    }
  }
  await expect(h.annotationItems(page)).toHaveCount(spans.length);
  const { json } = await h.exportJson(page);
  await context.close();
  return { name, json, file: { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) } };
}

/** The spans of a Glossa JSON export's test article: [start, end, label, attributed to]. */
function spansOf(json) {
  return h.documentOf(json).annotations.map((a) => [a.start, a.end, a.label, a.attributed_to]);
}

/** What a majority accepts, computed here: a span, label and attribution that more than half
 *  gave, where no one gave the same span and label with another attribution. */
function majority(annotators) {
  const given = new Map();
  for (const { json } of annotators) {
    for (const span of new Set(spansOf(json).map((s) => JSON.stringify(s)))) given.set(span, (given.get(span) || 0) + 1);
  }
  const rivals = (s) => [...given.keys()].filter((o) => JSON.stringify(JSON.parse(o).slice(0, 3)) === JSON.stringify(JSON.parse(s).slice(0, 3))).length;
  return [...given].filter(([s, n]) => 2 * n > annotators.length && rivals(s) === 1).map(([s]) => JSON.parse(s)).sort((a, b) => a[0] - b[0]);
}

/** The fair scheme's F1 counted by hand: spans equal in boundaries and label, each once. */
function fairF1(key, marked) {
  const same = (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  const correct = marked.filter((m) => key.some((k) => same(k, m))).length;
  const precision = marked.length ? correct / marked.length : 0;
  const recall = key.length ? correct / key.length : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

test('three annotators are curated into a gold that exports exactly the decisions and keys an assignment', async ({ browser }) => {
  test.setTimeout(180_000);
  const ann = await annotator(browser, 'Ann', [[BOTH_DENY], [SANCTIONS], [ACCUSE]]);
  const ben = await annotator(browser, 'Ben', [[BOTH_DENY], [SANCTIONS], [REJECTS, 'Iran’s foreign minister']]);
  const cleo = await annotator(browser, 'Cleo', [[BOTH_DENY], [ACCUSE_SHORTER], [REJECTS, 'Iran']]);
  const all = [ann, ben, cleo];

  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  const page = await context.newPage();
  await h.freshStart(page);
  await page.getByRole('button', { name: 'Curate' }).click();
  await expect(page.getByRole('heading', { name: 'Gold', exact: true })).toBeVisible();
  await page.getByLabel('Annotators\' files').setInputFiles(all.map((a) => a.file));
  await expect(page.getByRole('list', { name: 'Annotators' }).getByRole('listitem')).toHaveText([/^Ann: 3 spans/, /^Ben: 3 spans/, /^Cleo: 3 spans/]);

  // A majority by default: the gold is what the test computes, and two conflicts are left (the
  // accusation marked two ways, and a denial attributed two ways).
  await expect(page.getByRole('combobox', { name: 'Accept automatically' })).toHaveValue('majority');
  const expected = majority(all);
  expect(expected.map((s) => s[2])).toEqual(['denial', 'sanction']);
  expect(spansOf((await h.exportJson(page)).json)).toEqual(expected);
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (2 left of 2)');
  // The gold is what the article shows.
  await expect(page.getByRole('article').locator('mark')).toHaveCount(2);

  // All three must agree: the sanctions two gave become a conflict too; back to a majority.
  await page.getByRole('combobox', { name: 'Accept automatically' }).selectOption({ label: 'When all 3 agree' });
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (3 left of 3)');
  expect(spansOf((await h.exportJson(page)).json).map((s) => s[2])).toEqual(['denial']);
  await page.getByRole('combobox', { name: 'Accept automatically' }).selectOption('majority');
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (2 left of 2)');

  // The first conflict, in text order: the denial Ben and Cleo attribute differently.
  const card = page.getByLabel('The conflict shown');
  const versions = card.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  await expect(card).toContainText('Conflict 1 of 2');
  await expect(versions).toHaveText([/^Denial “Iran’s foreign minister firmly rejects.*”, said by Iran \(.*\) — Cleo/, /said by Iran’s foreign minister .* — Ben/]);
  // Walked by keyboard: Tab to Ben's version, Enter accepts it, and the next open conflict shows.
  await card.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(versions.nth(1).getByRole('button', { name: 'Accept' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (1 left of 2)');
  await expect(card).toContainText('Conflict 2 of 2');
  await expect(card).toBeFocused();
  await expect(versions).toHaveText([/^Claim “U.S. and Britain accuse.*” .* — Ann/, /^Claim “Britain accuse.*” .* — Cleo/]);
  // Delete rejects both; Undo opens it again; then Ann's version is accepted.
  await page.keyboard.press('Delete');
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (0 left of 2)');
  await page.keyboard.press('Control+z');
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (1 left of 2)');
  await card.focus();
  await page.keyboard.press('ArrowUp');
  await expect(card).toContainText('Conflict 1 of 2');
  await expect(card).toContainText('Decided: in the gold');
  await page.keyboard.press('ArrowDown');
  await expect(card).toContainText('Conflict 2 of 2');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (0 left of 2)');

  // The decisions, as the test knows them: the majority's two, Ben's denial, Ann's accusation.
  const span = (who, quote) => spansOf(who.json).find((s) => h.codePointSlice(h.articleText(h.ARTICLE), s[0], s[1]).startsWith(quote));
  const decided = [...expected, span(ben, 'Iran’s foreign minister'), span(ann, 'U.S. and Britain')].sort((a, b) => a[0] - b[0]);
  const gold = (await h.exportJson(page)).json;
  expect(spansOf(gold)).toEqual(decided);

  // Every format holds exactly the decisions: Python reads each.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-gold-'));
  await h.openExport(page);
  const select = page.getByLabel('Export format');
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
  expect(values).toHaveLength(12);
  for (const [at, value] of values.entries()) {
    // Chromium lets a page start ten downloads in a row; a reload lets it start ten more.
    if (at === 6) {
      await page.reload();
      await h.articleReady(page);
      await page.getByRole('button', { name: 'Curate' }).click();
      await h.openExport(page);
    }
    await select.selectOption(value);
    const file = await h.download(page, () => page.getByRole('button', { name: 'Download export' }).click());
    fs.copyFileSync(file.path, path.join(folder, file.name));
  }
  const spansFile = path.join(folder, 'decided.json');
  fs.writeFileSync(spansFile, JSON.stringify(decided.map(([start, end, label]) => [h.ARTICLE, start, end, NAMES[label]])));
  const python = spawnSync('python3', [path.join(__dirname, '..', 'check_exports.py'), folder, spansFile], { encoding: 'utf8' });
  expect(python.stdout).toContain('decisions: the exports hold exactly the 4 spans decided');
  expect(python.status, python.stdout + python.stderr).toBe(0);
  fs.rmSync(folder, { recursive: true });

  // Kept across the reload: the decisions stand.
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (0 left of 2)');
  expect(spansOf((await h.exportJson(page)).json)).toEqual(decided);

  // Agreement after: each annotator against the gold, F1 as counted here.
  await page.getByText('Agreement', { exact: true }).click();
  const against = page.getByRole('table', { name: 'Each annotator against the gold' });
  for (const who of all) {
    await expect(against.getByRole('row', { name: new RegExp(`^${who.name}`) }).getByRole('cell').nth(3)).toHaveText(fairF1(decided, spansOf(who.json)).toFixed(2));
  }
  const pairs = page.getByRole('table', { name: 'Pairs of annotators' });
  await expect(pairs.getByRole('row', { name: /^Ann and Ben/ }).getByRole('cell').nth(1)).toHaveText(fairF1(spansOf(ann.json), spansOf(ben.json)).toFixed(2));
  await expect(page.getByRole('table', { name: 'Agreement between annotators' }).getByRole('row')).toHaveCount(5);

  // Nothing of the curation is clipped or overflows on the laptop.
  const overflowing = await page.evaluate(() => [...document.querySelectorAll('.curation-bar, .conflicts')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth).length);
  expect(overflowing).toBe(0);

  // The gold as an assignment's key, in one step; a fourth person's hand-in is scored against it.
  await page.getByRole('button', { name: 'Use as an assignment\'s key' }).click();
  await expect(page.getByRole('textbox', { name: 'Assignment title' })).toHaveValue('Gold standard of 3 annotators');
  const assignment = await h.download(page, () => page.getByRole('button', { name: 'Export assignment' }).click());
  const { context: fourth, page: s } = await h.studentWith(browser, assignment.path);
  for (const span of [BOTH_DENY, ACCUSE_SHORTER]) await h.label(s, span);
  await s.getByRole('textbox', { name: 'Your name' }).fill('Dee');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const handIn = await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click());
  await fourth.close();
  await page.getByLabel('Collect work').setInputFiles({ name: handIn.name, mimeType: 'application/json', buffer: Buffer.from(handIn.text) });
  const marked = JSON.parse(handIn.text).documents[0].annotations.map((a) => [a.start, a.end, a.label]);
  const score = fairF1(decided, marked).toFixed(2);
  expect(score).toBe('0.33');
  await expect(page.getByRole('table', { name: 'Class results' }).getByRole('row', { name: /Dee/ }).getByRole('cell').nth(3)).toHaveText(score);
  await context.close();
});

test('on a phone the curation fits the screen, and a broken file changes nothing', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await h.freshStart(page);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Curate' }).click();
  await expect(page.getByRole('heading', { name: 'Gold', exact: true })).toBeVisible();
  await page.getByLabel('Annotators\' files').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "glossa", ') });
  await expect(page.getByRole('alert').filter({ hasText: '“broken.json” is not curated' })).toBeVisible();
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (0 left of 0)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  const outside = await page.evaluate(() => [...document.querySelectorAll('.curation-bar button, .curation-bar select, .curation-bar .file-button')]
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth || e.scrollWidth > e.clientWidth + 1)
    .map((e) => e.textContent.trim()));
  expect(outside).toEqual([]);
  await context.close();
});

test('the annotators and the gold are joined between tabs: an annotator added or a decision made in one tab is in the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await h.freshStart(a);
  await h.freshStart(b);
  const text = h.articleText(h.ARTICLE);
  const at = (needle) => {
    const start = Array.from(text.slice(0, text.indexOf(needle))).length;
    return [start, start + Array.from(needle).length];
  };
  // Two annotators in doccano's format, marking one accusation two ways.
  const doccano = (name, needle) => ({
    name: `${name}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ id: 'x', text, label: [[...at(needle), 'Claim']] }) + '\n'),
  });
  await a.bringToFront();
  await a.getByRole('button', { name: 'Curate' }).click();
  await a.getByLabel('Annotators\' files').setInputFiles([doccano('Xia', 'U.S. and Britain accuse Iran'), doccano('Yan', 'Britain accuse Iran')]);
  await expect(conflicts(a).getByRole('heading')).toHaveText('Conflicts (1 left of 1)');

  await b.bringToFront();
  await b.getByRole('button', { name: 'Curate' }).click();
  await expect(conflicts(b).getByRole('heading')).toHaveText('Conflicts (1 left of 1)');
  await expect(b.getByRole('list', { name: 'Annotators' }).getByRole('listitem')).toHaveText([/^Xia: 1 span\b/, /^Yan: 1 span\b/]);
  // An annotator added in one tab is in the other's curation at once.
  await a.bringToFront();
  await a.getByLabel('Annotators\' files').setInputFiles([doccano('Zed', 'U.S. and Britain accuse Iran')]);
  await b.bringToFront();
  await expect(b.getByRole('list', { name: 'Annotators' }).getByRole('listitem')).toHaveText([/^Xia/, /^Yan/, /^Zed/]);
  // Two of three now agree on the longer accusation: a majority accepts it in both tabs.
  await expect(conflicts(b).getByRole('heading')).toHaveText('Conflicts (0 left of 0)');
  await a.bringToFront();
  await a.getByRole('button', { name: 'Remove Zed' }).click();

  await a.bringToFront();
  await conflicts(a).getByRole('listitem').filter({ hasText: 'Yan' }).getByRole('button', { name: 'Accept' }).click();
  await expect(conflicts(a).getByRole('heading')).toHaveText('Conflicts (0 left of 1)');
  await b.bringToFront();
  await expect(conflicts(b).getByRole('heading')).toHaveText('Conflicts (0 left of 1)');
  await expect(b.getByRole('article').locator('mark')).toHaveText(['Britain accuse Iran']);
});

test('Edit in the text: the conflict’s stretch is selected, changed by keyboard, and a label key puts it in the gold', async ({ page }) => {
  await h.freshStart(page);
  const text = h.articleText(h.ARTICLE);
  const at = (needle) => {
    const start = Array.from(text.slice(0, text.indexOf(needle))).length;
    return [start, start + Array.from(needle).length];
  };
  const doccano = (name, needle, label) => ({
    name: `${name}.jsonl`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ id: 'x', text, label: [[...at(needle), label]] }) + '\n'),
  });
  await page.getByRole('button', { name: 'Curate' }).click();
  await page.getByLabel('Annotators\' files').setInputFiles([doccano('Xia', 'New sanctions announced', 'Sanction'), doccano('Yan', 'sanctions announced on Moscow', 'Claim')]);
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (1 left of 1)');
  // The curation's bar, its figures and its conflict: nothing for axe.
  await page.getByText('Agreement', { exact: true }).click();
  expect(await h.seriousViolations(page)).toEqual([]);
  await conflicts(page).getByRole('button', { name: 'Edit in the text' }).click();
  await expect.poll(() => page.evaluate(() => getSelection().toString())).toBe('New sanctions announced on Moscow');
  // One word more by keyboard, then the sanction's key.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => getSelection().toString())).toBe('New sanctions announced on Moscow and');
  await page.keyboard.press('3');
  await expect(conflicts(page).getByRole('heading')).toHaveText('Conflicts (0 left of 1)');
  await expect(conflicts(page)).toContainText('Decided: in the gold');
  const gold = h.documentOf((await h.exportJson(page)).json).annotations.map((a) => [a.quote, a.label]);
  expect(gold).toEqual([['New sanctions announced on Moscow and', 'sanction']]);
});
