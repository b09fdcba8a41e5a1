// Prints the benchmark results as one Markdown table: criterion's estimates for the core
// (target/criterion/*/new/estimates.json), the page measurements (bench/results/page.json) and
// the teacher's page with a class of 30 (bench/results/class.json).
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const rows = [];
const criterion = path.join(root, 'target', 'criterion', 'large document');
for (const name of fs.existsSync(criterion) ? fs.readdirSync(criterion).sort() : []) {
  const estimates = path.join(criterion, name, 'new', 'estimates.json');
  const benchmark = path.join(criterion, name, 'new', 'benchmark.json');
  if (!fs.existsSync(estimates)) continue;
  const { median } = JSON.parse(fs.readFileSync(estimates, 'utf8'));
  const title = JSON.parse(fs.readFileSync(benchmark, 'utf8')).function_id || name;
  rows.push(['core (native, criterion median)', title, (median.point_estimate / 1e6).toFixed(1)]);
}
const page = path.join(root, 'bench', 'results', 'page.json');
if (fs.existsSync(page)) {
  const results = JSON.parse(fs.readFileSync(page, 'utf8'));
  const names = {
    import_ms: 'import the Glossa JSON file (document and annotations)',
    open_ms: 'open the document from the Articles list',
    reload_and_open_ms: 'reload the page and open it again (from storage)',
    scroll_frame_ms: 'scroll a screenful on: the work of the frame that paints it (from its beginning to its end)',
    scroll_jump_frame_ms: 'jump far (a dragged scrollbar): to the end of the frame that paints it',
    key_to_painted_highlight_ms: 'label key press to the end of the frame that paints the highlight (the save waits for the idle time after it)',
    key_task_ms: 'label key press to the end of its handling (the handlers and the effects they ran)',
    key_frame_work_ms: 'label key: the work of the frame that paints the highlight (from its beginning to its end)',
    key_to_next_paint_event_timing_ms: 'label key press to the highlight painted, as Event Timing measures it (16: within one frame)',
    export_json_ms: 'Export JSON to download',
  };
  for (const [key, label] of Object.entries(names)) rows.push(['page (Chromium, median of 5)', label, results[key].toFixed(0)]);
  const first = path.join(root, 'bench', 'results', 'first.json');
  if (fs.existsSync(first)) {
    const painted = JSON.parse(fs.readFileSync(first, 'utf8'));
    for (const [visit, said] of [['first', 'a first visit (nothing cached or stored)'], ['return', 'a return visit (the article read last, at its place)']]) {
      for (const [suffix, speed] of [['', ''], ['_cpu4', ', CPU slowed 4×']]) {
        const where = `page (Chromium, median of 5${speed})`;
        rows.push([where, `${said}: navigation to the first frame showing the article`, painted[`${visit}_article${suffix}_ms`].toFixed(0)]);
        rows.push([where, `${said}: navigation to the app running (a label key applies at once)`, painted[`${visit}_ready${suffix}_ms`].toFixed(0)]);
      }
    }
  }
  rows.push(['page (Chromium)', 'elements in the DOM with the document open (count, not ms)', String(results.dom_nodes)]);
  rows.push(['page (Chromium)', 'memory: JS heap with the wasm memory (MB, not ms)', results.memory_mb.toFixed(1)]);
  rows.push(['page (Chromium)', 'memory: of which the JS heap (MB, not ms)', results.memory_js_heap_mb.toFixed(1)]);
  rows.push(['page (Chromium)', 'memory: of which the wasm memory (MB, not ms)', results.memory_wasm_mb.toFixed(1)]);
  console.log(`\nBenchmark document: ${results.document_bytes} bytes of text, ${results.annotations} annotations.\n`);
}
const klass = path.join(root, 'bench', 'results', 'class.json');
if (fs.existsSync(klass)) {
  const results = JSON.parse(fs.readFileSync(klass, 'utf8'));
  const where = `class of ${results.students} (Chromium, 1366 × 768)`;
  rows.push([where, 'collect every hand-in file to the class results shown', results.collect_ms.toFixed(0)]);
  rows.push([where, 'from the files chosen to Mathet’s γ known for every label and all labels', results.gamma_after_collect_ms.toFixed(0)]);
  rows.push([`${where}, median of 5`, 'from a hand-in back to the teacher view, to the end of its frame', results.back_to_teacher_ms.toFixed(0)]);
  rows.push([`${where}, median of 3`, 'Export class report to download', results.class_report_ms.toFixed(0)]);
  rows.push([where, 'the longest task the page ran meanwhile (long-task observer)', results.longest_task_ms.toFixed(0)]);
  rows.push([where, `Mathet's γ, all labels: ${results.gamma_all_labels}`, '–']);
}
console.log('| layer | what | ms |\n| --- | --- | ---: |');
for (const [layer, what, ms] of rows) console.log(`| ${layer} | ${what} | ${ms} |`);

// Side by side with the peer measured in the same run on the same document and spans.
const peer = path.join(root, 'bench', 'results', 'recogito.json');
if (fs.existsSync(page) && fs.existsSync(peer)) {
  const [glossa, recogito] = [page, peer].map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
  const rows = [
    ['open_ms', 'open the document with its 10,000 spans (Recogito: offsets given, its default), ms'],
    ['scroll_frame_ms', 'scroll a screenful: the work of its frame, ms'],
    ['scroll_jump_frame_ms', 'jump far (a dragged scrollbar), to the end of its frame, ms'],
    ['key_to_painted_highlight_ms', 'label key to the end of the frame that changes the page, ms'],
    ['key_task_ms', 'label key to the end of its handling, ms'],
    ['key_frame_work_ms', 'label key: the work of the frame that changes the page, ms'],
    ['key_to_next_paint_event_timing_ms', 'label key to the next paint (Event Timing; 16: within one frame), ms'],
    ['dom_nodes', 'elements in the page'],
    ['memory_mb', 'memory: JS heap (and Glossa’s wasm memory), MB'],
  ];
  console.log('\n| measure | Glossa | Recogito Text Annotator 4.1.1 |\n| --- | ---: | ---: |');
  for (const [key, label] of rows) console.log(`| ${label} | ${glossa[key].toFixed(0)} | ${recogito[key].toFixed(0)} |`);
}
