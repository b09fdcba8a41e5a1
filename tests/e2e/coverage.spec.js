// Who reported what: the coverage of the five bundled articles, a claim a row (claims linked to
// one another, or in the same words, are one) and an article a column, each cell what the article
// does with the claim. The table is checked against one built here from the Glossa JSON export,
// by the rules the guide states; it downloads as CSV and each stance opens its passage.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

/** The coverage the export implies, as rows of [claim, ...cells in words]. */
function coverageFrom(json) {
  const all = json.documents.flatMap((d, column) => d.annotations.map((a) => ({ column, a })));
  const at = new Map(all.map((x, i) => [x.a.id, i]));
  const claims = all.filter((x) => x.a.label === 'claim');
  const head = new Map(claims.map((x) => [x.a.id, x.a.id]));
  const top = (id) => (head.get(id) === id ? id : top(head.get(id)));
  const join = (p, q) => {
    const [first, second] = [top(p), top(q)].sort((m, n) => at.get(m) - at.get(n));
    head.set(second, first);
  };
  const fold = (s) => s.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
  const byWords = new Map();
  for (const { a } of claims) {
    if (byWords.has(fold(a.quote))) join(byWords.get(fold(a.quote)), a.id);
    else byWords.set(fold(a.quote), a.id);
    for (const link of a.links ?? []) if (head.has(link.to)) join(a.id, link.to);
  }
  const rows = new Map();
  const cellOf = (claimId, column) => {
    const id = top(claimId);
    if (!rows.has(id)) rows.set(id, { claim: all[at.get(id)].a.quote, cells: json.documents.map(() => []) });
    return rows.get(id).cells[column];
  };
  const stances = { asserts: 0, attributes: 1, denies: 2 };
  for (const { column, a } of claims) {
    const who = (a.attributed_to ?? '').trim();
    const asserts = who === '' || a.source_kind === 'the writer';
    cellOf(a.id, column).push({ stance: asserts ? 'asserts' : 'attributes', start: a.start, words: asserts ? 'asserts it' : `attributes it to ${who}` });
  }
  for (const { column, a } of all) {
    for (const link of (a.links ?? []).filter((l) => l.relation === 'denies' && head.has(l.to))) {
      const who = (a.attributed_to ?? '').trim();
      cellOf(link.to, column).push({ stance: 'denies', start: a.start, words: who ? `denies it, through ${who}` : 'denies it' });
    }
  }
  return [...rows.values()].map(({ claim, cells }) => [
    `“${claim}”`,
    ...cells.map((cell) => {
      const words = cell.sort((p, q) => stances[p.stance] - stances[q.stance] || p.start - q.start).map((s) => s.words);
      return words.length ? [...new Set(words)].join('; ') : 'does not mention it';
    }),
  ]);
}

/** The table as rows of [claim, ...cells], a cell's stances joined as the CSV joins them. */
async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [
    row.querySelector('th').textContent,
    ...[...row.querySelectorAll('td')].map((td) => {
      const items = [...td.querySelectorAll('li')].map((li) => li.textContent);
      return items.length ? items.join('; ') : td.textContent;
    }),
  ]));
}

async function attribute(page, who) {
  const field = page.getByRole('group', { name: 'Selected annotation' }).getByRole('textbox', { name: 'Attributed to' });
  await field.fill(who);
  await field.press('Tab');
}

async function linkTo(page, quote) {
  const editor = page.getByRole('group', { name: 'Selected annotation' });
  await editor.getByRole('button', { name: 'Link to…' }).click();
  const choice = editor.getByRole('combobox', { name: 'Claim to link to' });
  await choice.selectOption({ label: await choice.getByRole('option').filter({ hasText: quote }).textContent() });
  await editor.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(editor.getByRole('list', { name: 'Links' })).toContainText(quote);
}

test('the coverage of the five articles equals the one their export implies, downloads as CSV and opens each passage', async ({ page }) => {
  test.setTimeout(60_000);
  await h.freshStart(page);
  // In the explainer: the accusation, attributed, and the foreign minister's denial of it.
  await h.label(page, ['U.S. and Britain accuse', 'for use in Ukraine', '1']);
  await attribute(page, 'U.S. and Britain');
  await h.label(page, ['Iran’s foreign minister firmly', 'claims of delivering', '2']);
  await attribute(page, 'Iran’s foreign minister');
  await linkTo(page, 'U.S. and Britain accuse');
  await page.keyboard.press('Escape');
  // In the analysis: the same accusation in other words, linked as the same claim, and a denial of it.
  await h.openArticle(page, 'Iran’s Response to Allegations');
  await h.label(page, ['Iran has supplied short-range', 'ballistic missiles to Russia', '1']);
  await linkTo(page, 'U.S. and Britain accuse');
  await h.label(page, ['no missile was sent to Russia', 'no missile was sent to Russia', '2']);
  await attribute(page, 'Brigadier Fazlollah Nozari');
  await linkTo(page, 'Iran has supplied short-range');
  await page.keyboard.press('Escape');
  // In the aggregator's piece: a claim of its own, told in its own voice.
  await h.openArticle(page, 'The Strengthening of the Russia-Iran Axis');
  await h.label(page, ['Iran has recently dispatched', '400 ballistic missiles to Russia', '1']);
  await page.keyboard.press('Escape');

  const { json } = await h.exportJson(page);
  const expected = coverageFrom(json);
  expect(expected).toHaveLength(2);

  await page.getByRole('button', { name: 'Claims board' }).click();
  await page.getByRole('button', { name: 'Coverage', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Coverage', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: 'Coverage' });
  await expect(table.getByRole('columnheader')).toHaveText(['Claim', ...json.documents.map((d) => d.title)]);
  expect(await tableRows(table)).toEqual(expected);
  // The explainer's cell: the accusation attributed, and denied through the foreign minister.
  expect(expected[0][5]).toBe('attributes it to U.S. and Britain; denies it, through Iran’s foreign minister');

  const csv = await h.download(page, () => page.getByRole('button', { name: 'Download coverage (CSV)' }).click());
  expect(csv.text.startsWith('\ufeffclaim,')).toBe(true);
  const lines = csv.text.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(1 + expected.length);
  expect(lines[1]).toContain('denies it, through Brigadier Fazlollah Nozari');

  // Nothing spills sideways on the school laptop or the phone: a wide table scrolls in itself.
  for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(await h.seriousViolations(page)).toEqual([]);

  // A stance opens its passage in its article.
  await table.getByRole('button', { name: 'denies it, through Brigadier Fazlollah Nozari' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iran’s Response to Allegations of Missile Transfers');
  await expect.poll(() => page.evaluate(() => window.getSelection().toString())).toBe('no missile was sent to Russia');
});
