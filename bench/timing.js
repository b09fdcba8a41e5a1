// The measurements the Glossa page and its peer (Recogito's Text Annotator) share, so that both
// are timed alike in the same run.

const RUNS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A promise, in the page, of the end of the frame after the next task: a task queued from that
 *  frame's animation callback. */
const nextFrameEnd = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** In the page: calls `then` with the time at the end of the next frame, in the first task after
 *  it (a message, which no timer clamps and which runs before the idle callbacks a page queues
 *  for work that may wait, such as Glossa's save), and the time that frame began (its animation
 *  callbacks' time stamp). From a change to the end of its frame includes the wait for the frame
 *  to begin, up to a frame's length (16.7 ms); from the frame's beginning is the page's work. */
function atFrameEnd(then) {
  requestAnimationFrame((began) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now(), began);
    channel.port2.postMessage(null);
  });
}

/** Arms timers for the next key press: `window.paintTime`, to the end of the frame in which
 *  `changed` (a selector) changes, with `frameWork`, that frame's own work, and `taskTime`, the
 *  press to the end of the task that handled it (its handlers and what they queued as
 *  microtasks); `window.eventTime`, the browser's own measure (Event Timing: from the press to
 *  the next frame painted after its handlers ran, in steps of 8 ms; under 16 ms it reports
 *  nothing, so 16 means within one frame). */
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
    let pressed = 0;
    window.taskTime = new Promise((resolve) => {
      window.addEventListener('keydown', (event) => { pressed = event.timeStamp; }, { capture: true, once: true });
      // Added after the app's own listener on the window, so it runs after it, and after the
      // microtasks (the app's effects) that ran as that listener returned.
      window.addEventListener('keydown', () => resolve(performance.now() - pressed), { once: true });
    });
    window.paintTime = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        window.atFrameEnd((now, began) => {
          window.frameWork = now - began;
          resolve(now - pressed);
        });
      });
      observer.observe(document.querySelector(changed), { subtree: true, childList: true, attributes: true });
    });
  }, changed);
}

/** Milliseconds from a scroll to the end of the frame that paints it, `RUNS` times each way:
 *  `screenful`, one screen's height on from the middle of the page (what a reader paging through
 *  does; each after the frames of the one before), and `jump`, to fractions of the page far apart
 *  (a scrollbar dragged: nothing there is drawn yet). */
async function scrollTimes(page) {
  await page.evaluate(`window.atFrameEnd = ${atFrameEnd}`);
  // `to`: a fraction of the page to jump to; without it, a screenful on.
  const timed = (to) => page.evaluate((to) => new Promise((resolve) => {
    const started = performance.now();
    if (to === undefined) window.scrollBy(0, window.innerHeight);
    else window.scrollTo(0, document.body.scrollHeight * to);
    window.atFrameEnd((now, began) => resolve({ toEnd: now - started, work: now - began }));
  }), to);
  const jump = [];
  for (let run = 0; run < RUNS; run++) jump.push(await timed((run + 1) / (RUNS + 1)));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const screenful = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(nextFrameEnd);
    await page.evaluate(nextFrameEnd);
    screenful.push(await timed());
  }
  return { screenful: screenful.map((t) => t.work), screenfulToEnd: screenful.map((t) => t.toEnd), jump: jump.map((t) => t.toEnd) };
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
  const [paints, events, works, tasks] = [[], [], [], []];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate((at) => window.scrollTo(0, document.body.scrollHeight * at), 0.5 + run * 0.01);
    await page.evaluate(nextFrameEnd);
    await select(page);
    await armPaintTimer(page, changed);
    await page.keyboard.press('1');
    paints.push(await page.evaluate(() => window.paintTime));
    events.push(await page.evaluate(() => window.eventTime));
    works.push(await page.evaluate(() => window.frameWork));
    tasks.push(await page.evaluate(() => window.taskTime));
  }
  return {
    key_to_painted_highlight_ms: median(paints),
    key_to_next_paint_event_timing_ms: median(events),
    key_task_ms: median(tasks),
    key_frame_work_ms: median(works),
  };
}

module.exports = { RUNS, median, nextFrameEnd, armPaintTimer, scrollTimes, measureCost, timeLabelKey };
