// Starts Glossa, and stands by in case it stops. A file of its own rather than an inline loader,
// so that the Content-Security-Policy can refuse every inline script.
//
// If the app stops (a panic or a trap in the wasm), nothing of it can be trusted any more: the
// banner and the export below are plain JavaScript, and the export reads the last saved state
// from local storage (and the texts of added documents from IndexedDB), never the stopped app.
import init from './glossa.js';

const STATE_KEY = 'glossa.v1.state';
const TEXTS = { database: 'glossa', store: 'texts' };

let stopped = false;

/** Says that Glossa stopped, with a way to keep the work that needs nothing of the app. */
function showStopped(reason) {
  if (stopped) return;
  stopped = true;
  const banner = document.createElement('div');
  banner.className = 'message alert stopped';
  banner.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = `Glossa stopped because of an error (${reason}). Your work as last saved is safe in this browser. ` +
    'Export it to a file, then reload the page to go on.';
  const exportButton = button('Export your work', () => exportSaved().catch((error) => {
    text.textContent += ` The export failed: ${error.message || error}.`;
  }));
  const reloadButton = button('Reload', () => location.reload());
  banner.append(text, exportButton, reloadButton);
  // The stopped app no longer answers: only the banner stays usable.
  for (const child of document.body.children) child.inert = true;
  document.body.prepend(banner);
  exportButton.focus();
}

function button(name, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = name;
  element.addEventListener('click', onClick);
  return element;
}

/** The last saved work as a Glossa JSON file (version 2), which Import JSON reads back. */
async function exportSaved() {
  const raw = localStorage.getItem(STATE_KEY);
  const state = raw ? JSON.parse(raw) : {};
  const records = Array.isArray(state.library) ? state.library : [];
  const annotations = state.documents || {};
  const texts = await readTexts(records.map((record) => record.id));
  const documents = Object.keys(annotations)
    .filter((id) => !records.some((record) => record.id === id))
    .map((id) => ({ id, source: `${id}.txt`, annotations: annotations[id] }));
  for (const record of records) {
    const document = { id: record.id, title: record.title, source: null, text_sha256: record.sha256, length: record.length,
      annotations: annotations[record.id] || [] };
    if (texts.has(record.id)) document.text = texts.get(record.id);
    documents.push(document);
  }
  const file = { format: 'glossa-annotations', version: 2, exported_at: new Date().toISOString(), documents };
  if (Array.isArray(state.labels)) file.labels = state.labels;
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'glossa-annotations.json';
  link.click();
  URL.revokeObjectURL(url);
}

/** The kept texts of `ids`, by id; none when IndexedDB cannot be read. */
function readTexts(ids) {
  return new Promise((resolve) => {
    const texts = new Map();
    if (ids.length === 0 || !window.indexedDB) return resolve(texts);
    const opening = indexedDB.open(TEXTS.database);
    opening.onerror = () => resolve(texts);
    opening.onsuccess = () => {
      const database = opening.result;
      if (!database.objectStoreNames.contains(TEXTS.store)) return resolve(texts);
      const store = database.transaction(TEXTS.store).objectStore(TEXTS.store);
      for (const id of ids) store.get(id).onsuccess = (event) => { if (typeof event.target.result === 'string') texts.set(id, event.target.result); };
      store.transaction.oncomplete = () => resolve(texts);
      store.transaction.onerror = () => resolve(texts);
    };
  });
}

// The wasm calls this from its panic hook; a trap without a panic (or after one) arrives here too.
window.glossaStopped = showStopped;
window.addEventListener('error', (event) => {
  if (event.error instanceof WebAssembly.RuntimeError) showStopped(event.error.message);
});
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof WebAssembly.RuntimeError) showStopped(event.reason.message);
});

/**
 * Keeps the app for use offline (sw.js). A new version never interrupts work: it waits, and a quiet
 * notice offers it; it starts on the next start of Glossa, or now if the reader chooses and this is
 * the only tab of Glossa (a tab still running the old version would fetch the new version's parts).
 * Where service workers are missing or refused (a file, a policy), Glossa runs online as before.
 */
async function keepForOffline() {
  // Opened from a file (the one-file app), there is nothing to keep: the file is the app.
  if (!('serviceWorker' in navigator) || !window.isSecureContext || location.protocol === 'file:') return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register('./sw.js');
  } catch {
    return;
  }
  // Some policies (and test browsers that block workers) answer with no registration at all.
  if (!registration) return;
  const offer = (worker) => { if (navigator.serviceWorker.controller) showUpdateReady(worker); };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing.addEventListener('statechange', () => { if (installing.state === 'installed') offer(installing); });
  });
}

let updateAsked = false;

function showUpdateReady(worker) {
  if (document.querySelector('.update-ready')) return;
  const notice = document.createElement('div');
  notice.className = 'message update-ready';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of Glossa is ready. It starts the next time you open Glossa.';
  const update = button('Reload to update', () => {
    updateAsked = true;
    worker.postMessage('take-over');
  });
  const later = button('Not now', () => notice.remove());
  notice.append(text, update, later);
  document.body.append(notice);
}

// Only the tab that asked for the new version reloads into it; the worker does not take over
// while other tabs are open, and says so.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (updateAsked) location.reload(); });
  navigator.serviceWorker.addEventListener('message', (event) => {
    const text = document.querySelector('.update-ready p');
    if (event.data !== 'other-tabs-open' || !text) return;
    updateAsked = false;
    text.textContent = 'Glossa is open in other tabs too: close them, then reload this one to update.';
  });
}

init().catch((error) => showStopped(`it could not start: ${error.message || error}`));
window.addEventListener('load', () => keepForOffline(), { once: true });
