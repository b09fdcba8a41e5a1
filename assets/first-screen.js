// Shows the first screen the build drew into the page (scripts/prerender.mjs) as the app will
// show it, before the first paint: the reader's theme, width and text size, the article the
// address or the remembered view names, at the place it was left. A classic script at the end of
// the body, so it runs before the browser paints and before the wasm is fetched.
//
// Each place is a <template>, so only the one shown is in the document (nothing else is laid out,
// and no control of another place can be found or used).
//
// Until the app runs (it removes all this: `ui::browser::first_screen`), nothing done on the first
// screen is lost: a label key pressed on a selection in the article is kept in
// `window.glossaFirstScreen.labels` (the key and the selected range), a file chosen in it in
// `.files`, and the app takes both when it starts (a file chosen after, in a chooser opened before,
// reaches the app as a dropped file); a control used meanwhile does nothing but say that Glossa is
// starting.
(() => {
  const screen = document.getElementById('first-screen');
  if (!screen) return;
  const read = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch {
      return null;
    }
  };
  const one = (value, names, otherwise) => (names.includes(value) ? value : otherwise);

  // As `panels::preferences::apply` sets them.
  const settings = read('glossa.v1.settings') || {};
  const root = document.documentElement;
  root.setAttribute('data-theme', one(settings.theme, ['system', 'light', 'dark'], 'system'));
  root.setAttribute('data-width', one(settings.reading_width, ['narrow', 'normal', 'wide'], 'normal'));
  const size = Number.isInteger(settings.text_size) ? Math.min(4, Math.max(-2, settings.text_size)) : 0;
  root.style.setProperty('--text-scale', (1 + size * 0.1).toFixed(1));

  // The place, as `listeners::fragment::follow` turns to it: an article named by the address, or
  // with no address the one read last. The classroom's places and a student's assignment are
  // drawn otherwise: for them the app alone draws the page.
  const view = read('glossa.v1.view') || {};
  const classroom = read('glossa.v1.classroom') || {};
  const places = new Map([...screen.querySelectorAll('template[data-first-screen]')].map((t) => [t.dataset.firstScreen, t]));
  const path = location.hash.replace(/^#/, '');
  let place = null;
  if (path === '' || path === '/') place = typeof view.open_document === 'string' ? view.open_document : '';
  else if (path.startsWith('/a/')) place = decodeURIComponent(path.slice(3));
  const template = classroom.working_on ? null : places.get(place);
  if (!template) return;
  const box = document.createElement('div');
  box.setAttribute('data-first-screen', place);
  box.append(template.content);
  template.replaceWith(box);

  // A text typed into a field now would be lost when the app draws the page anew: the fields wait
  // too (read-only until then, which changes nothing on screen).
  for (const field of box.querySelectorAll('textarea, input:not([type="file"]):not([type="checkbox"]):not([type="radio"])')) field.readOnly = true;

  const masthead = box.querySelector('header');
  if (masthead) root.style.setProperty('--masthead-height', `${masthead.offsetHeight}px`);
  const top = view.places && view.places[place] && view.places[place].top;
  if (place && Number.isFinite(top)) window.scrollTo(0, top);

  // A label key on a selection in the article, before the app can take it: the keys of the
  // labels saved, or of the built-in ones.
  const article = box.querySelector('article');
  // Read when a key is first pressed, not before the first paint: the saved work may be megabytes.
  let labelKeys = null;
  const isLabelKey = (key) => {
    if (!labelKeys) {
      const state = read('glossa.v1.state');
      const saved = state && Array.isArray(state.labels) ? state.labels.map((label) => label.key) : ['1', '2', '3'];
      labelKeys = new Set(saved.filter((key) => typeof key === 'string'));
    }
    return labelKeys.has(key);
  };
  const labels = [];
  const files = [];
  // Where messages are, outside the first screen (which is hidden from assistive technology).
  const hint = (text) => {
    document.getElementById('first-screen-hint')?.remove();
    const messages = document.createElement('div');
    messages.id = 'first-screen-hint';
    messages.className = 'messages';
    const message = document.createElement('p');
    message.className = 'message';
    message.setAttribute('role', 'status');
    message.textContent = text;
    messages.append(message);
    document.body.append(messages);
  };
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !article || !isLabelKey(event.key)) return;
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(article)) return;
    event.preventDefault();
    labels.push({ key: event.key, range: range.cloneRange() });
    hint('Starting… your label follows in a moment.');
  };
  // A file chosen (or set by a script) in a file field is kept; any other control waits. A
  // chooser opened here may still be open when the app takes the page over: the file chosen then
  // goes to the app as a file dropped on the page would.
  let taken = false;
  const onChange = (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'file' || !event.target.files.length) return;
    if (taken) {
      const dataTransfer = new DataTransfer();
      for (const file of event.target.files) dataTransfer.items.add(file);
      dispatchEvent(new DragEvent('drop', { dataTransfer, cancelable: true }));
      return;
    }
    files.push(...event.target.files);
    hint('Starting… your file is opened in a moment.');
  };
  const onClick = (event) => {
    const control = event.target instanceof Element && event.target.closest('a, button, select, textarea, summary, label, input:not([type="file"])');
    if (!control || !screen.contains(control)) return;
    // A file field's label opens the chooser: the file chosen is kept.
    if (control.matches('label') && control.querySelector('input[type="file"]')) return;
    event.preventDefault();
    hint('Starting… one moment, then try again.');
  };
  addEventListener('keydown', onKey, true);
  screen.addEventListener('change', onChange, true);
  screen.addEventListener('click', onClick, true);
  window.glossaFirstScreen = {
    labels,
    files,
    stop: () => {
      taken = true;
      removeEventListener('keydown', onKey, true);
      screen.removeEventListener('click', onClick, true);
    },
  };
})();
