// A class, as the teacher's tests and the benchmark make one: an assignment on two articles with
// its key, made by a teacher on a school laptop (1366 × 768); one student's real hand-in, made in
// a browser of their own; and from it a class, each student keeping, shifting, relabelling or
// leaving out its spans and marking a few more, deterministically.
const { expect } = require('@playwright/test');
const h = require('./helpers');

const LAPTOP = { width: 1366, height: 768 };
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Emmy Noether', 'Srinivasa Ramanujan', 'Hedy Lamarr',
  'Mary Jackson', 'Tim Berners-Lee', 'Dorothy Vaughan', 'Claude Shannon', 'Rosalind Franklin', 'Karen Spärck Jones', 'John von Neumann',
  'Radia Perlman', 'Edsger Dijkstra', 'Frances Allen', 'Barbara Liskov', 'Donald Knuth', 'Margaret Hamilton', 'Leslie Lamport',
  'Sophie Wilson', 'Ken Thompson', 'Shafi Goldwasser', 'Whitfield Diffie', 'Anita Borg', 'Tony Hoare', 'Jean Sammet', 'Niklaus Wirth',
  'Adele Goldberg'];

/** A small deterministic generator (mulberry32), so that the class is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` hand-ins made from `real` (a student's hand-in file, parsed): each student keeps, shifts,
 *  relabels or leaves out the real spans, and marks a few more on every document. */
function classFrom(real, size) {
  const next = random(2024);
  const labels = ['claim', 'denial', 'sanction'];
  return NAMES.slice(0, size).map((student, s) => {
    const work = structuredClone(real);
    work.student = student;
    work.handed_in_at = new Date(Date.parse(real.handed_in_at) + s * 1000).toISOString();
    for (const document of work.documents) {
      const text = h.articleText(document.id);
      const length = Array.from(text).length;
      const span = (start, end, label, k) => ({
        ...real.documents[0].annotations[0], id: `${student}-${document.id}-${k}`, label, start, end,
        quote: h.codePointSlice(text, start, end), note: '', attributed_to: '',
      });
      const kept = document.annotations.filter(() => next() > 0.15).map((a, k) => {
        const shift = next() < 0.3 ? Math.floor(next() * 7) - 3 : 0;
        const label = next() < 0.2 ? labels[Math.floor(next() * 3)] : a.label;
        return span(Math.max(0, a.start + shift), a.end, label, k);
      });
      const more = Array.from({ length: 2 + Math.floor(next() * 4) }, (_, k) => {
        const start = Math.floor(next() * (length - 80));
        return span(start, start + 10 + Math.floor(next() * 60), labels[Math.floor(next() * 3)], 100 + k);
      });
      document.annotations = [...kept, ...more];
    }
    return { name: `${student}.glossa-work.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(work)) };
  });
}

/** The teacher, on a laptop (`before` runs on the new page first), with an assignment on two articles, its key, and a class of `size`
 *  collected; the real hand-in is a student's, made in a browser of their own. */
async function teacherWithAClass(browser, size, { before = async () => {} } = {}) {
  const teacher = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  const t = await teacher.newPage();
  await before(t);
  await h.newAssignment(t, 'Who denies what');
  await t.getByRole('textbox', { name: 'Assignment title' }).press('Tab');
  await t.getByRole('group', { name: 'Documents' }).getByRole('checkbox').nth(1).check();
  await t.getByRole('button', { name: 'Annotate the key' }).click();
  for (const span of [['Iran vehemently denies', 'ballistic missiles to Russia', '2'], ['New sanctions announced', 'by Western allies', '3']]) {
    await h.label(t, span);
  }
  await t.getByRole('button', { name: 'Back to the teacher view' }).click();
  const assignment = await h.download(t, () => t.getByRole('button', { name: 'Export assignment' }).click());

  const { context: student, page: s } = await h.studentWith(browser, assignment.path);
  for (const span of [['Iran vehemently denies', 'ballistic missiles to Russia', '2'], ['U.S. and Britain accuse', 'for use in Ukraine', '1']]) {
    await h.label(s, span);
  }
  await s.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await s.getByRole('textbox', { name: 'Your name' }).press('Tab');
  const real = JSON.parse((await h.download(s, () => s.getByRole('button', { name: 'Hand in' }).click())).text);
  await student.close();

  const started = Date.now();
  await t.getByLabel('Collect work').setInputFiles(classFrom(real, size));
  await expect(t.getByRole('status')).toContainText(`Collected ${size} hand-ins`, { timeout: 60_000 });
  await expect(t.getByRole('table', { name: 'Class results' }).getByRole('row')).toHaveCount(size + 1);
  return { teacher, t, collectMs: Date.now() - started };
}

module.exports = { LAPTOP, NAMES, teacherWithAClass };
