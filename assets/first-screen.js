// Shows the first screen the build drew into the page (scripts/prerender.mjs) as the app will
// show it, before the first paint: the reader's theme, width and text size, the article the
// address or the remembered view names, at the place it was left. A classic script at the end of
// the body, so it runs before the browser paints and before the wasm is fetched.
//
// Until the app runs (it removes all this: `ui::browser::first_screen`), a label key pressed on a
// selection in the article is kept in `window.glossaFirstScreen.labels` (the key and the selected
// range), and the app applies it when it starts; the page says that it is starting.
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
  const boxes = new Map([...screen.querySelectorAll('[data-first-screen]')].map((box) => [box.dataset.firstScreen, box]));
  const path = location.hash.replace(/^#/, '');
  let place = null;
  if (path === '' || path === '/') place = typeof view.open_document === 'string' ? view.open_document : '';
  else if (path.startsWith('/a/')) place = decodeURIComponent(path.slice(3));
  const box = classroom.working_on ? null : boxes.get(place);
  if (!box) return;
  box.hidden = false;

  const masthead = box.querySelector('header');
  if (masthead) root.style.setProperty('--masthead-height', `${masthead.offsetHeight}px`);
  const top = view.places && view.places[place] && view.places[place].top;
  if (place && Number.isFinite(top)) window.scrollTo(0, top);

  // A label key on a selection in the article, before the app can take it: the keys of the
  // labels saved, or of the built-in ones.
  const article = box.querySelector('article');
  const state = read('glossa.v1.state');
  const saved = state && Array.isArray(state.labels) ? state.labels.map((label) => label.key) : ['1', '2', '3'];
  const labelKeys = new Set(saved.filter((key) => typeof key === 'string'));
  const labels = [];
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !labelKeys.has(event.key) || !article) return;
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(article)) return;
    event.preventDefault();
    labels.push({ key: event.key, range: range.cloneRange() });
    if (document.getElementById('first-screen-hint')) return;
    // Where messages are, outside the first screen (which is hidden from assistive technology).
    const hint = document.createElement('div');
    hint.id = 'first-screen-hint';
    hint.className = 'messages';
    const message = document.createElement('p');
    message.className = 'message';
    message.setAttribute('role', 'status');
    message.textContent = 'Starting… your label follows in a moment.';
    hint.append(message);
    document.body.append(hint);
  };
  addEventListener('keydown', onKey, true);
  window.glossaFirstScreen = { labels, stop: () => removeEventListener('keydown', onKey, true) };
})();
