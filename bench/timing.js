// The measurements the Glossa page and its peer (Recogito's Text Annotator) share, so that both
// are timed alike in the same run.

const RUNS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A promise, in the page, of the end of the frame after the next task: a task queued from that
 *  frame's animation callback. */
const nextFrameEnd = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** In the page: calls `then` with the time at the end of the next frame, in the first task after
 *  it (a message, which no timer clamps and which runs before the idle callbacks a page queues
 *  for work that may wait, such as Glossa's save). */
function atFrameEnd(then) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now());
    channel.port2.postMessage(null);
  });
}

/** Arms two timers for the next key press: `window.paintTime`, to the end of the frame in which
 *  `changed` (a selector) changes; `window.eventTime`, the browser's own measure (Event Timing:
 *  from the press to the next frame painted after its handlers ran, in steps of 8 ms; under 16 ms
 *  it reports nothing, so 16 means within one frame). */
async function armPaintTimer(page, changed) {
  await page.evaluate(`window.atFrameEnd = ${atFrameEnd}`);
  return page.evaluate((changed) => {
    window.eventTime = new Promise((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => e.name === 'keydown');
        if (entry) { observer.disconnect(); resolve(entry.duration); }
      });
      observer.observe({ type: 'event', durationThreshold: 16 });
      setTimeout(() => { observer.disconnect(); resolve(16); }, 3000);
    });
    window.paintTime = new Promise((resolve) => {
      let pressed = 0;
      window.addEventListener('keydown', (event) => { pressed = event.timeStamp; }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        observer.disconnect();
        window.atFrameEnd((now) => resolve(now - pressed));
      });
      observer.observe(document.querySelector(changed), { subtree: true, childList: true, attributes: true });
    });
  }, changed);
}

/** Milliseconds from each of `RUNS` scrolls (to fractions of the page) to the end of the frame
 *  that paints it. */
async function scrollTimes(page) {
  await page.evaluate(`window.atFrameEnd = ${atFrameEnd}`);
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(await page.evaluate(({ run, runs }) => new Promise((resolve) => {
      const started = performance.now();
      window.scrollTo(0, (document.body.scrollHeight * (run + 1)) / (runs + 1));
      window.atFrameEnd((now) => resolve(now - started));
    }), { run, runs: RUNS }));
  }
  return times;
}

/** Elements in the page, and memory in MB: the JS heap after a garbage collection, with
 *  `extraBytes` (the wasm's linear memory, for Glossa). */
async function measureCost(page, extraBytes = 0) {
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return {
    dom_nodes: domNodes,
    memory_mb: (heap.usedSize + extraBytes) / 1e6,
    memory_js_heap_mb: heap.usedSize / 1e6,
    memory_wasm_mb: extraBytes / 1e6,
  };
}

/** The label key timed `RUNS` times, each in the middle of the page scrolled a little further on,
 *  after `select` (given the page) made a selection there: medians of both timers of
 *  `armPaintTimer`, watching `changed`. */
async function timeLabelKey(page, changed, select) {
  const paints = [];
  const events = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate((at) => window.scrollTo(0, document.body.scrollHeight * at), 0.5 + run * 0.01);
    await page.evaluate(nextFrameEnd);
    await select(page);
    await armPaintTimer(page, changed);
    await page.keyboard.press('1');
    paints.push(await page.evaluate(() => window.paintTime));
    events.push(await page.evaluate(() => window.eventTime));
  }
  return { key_to_painted_highlight_ms: median(paints), key_to_next_paint_event_timing_ms: median(events) };
}

module.exports = { RUNS, median, nextFrameEnd, armPaintTimer, scrollTimes, measureCost, timeLabelKey };
