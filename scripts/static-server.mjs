// Serves dist/ as a static host would, at the site root and under the sub-path /glossa/, so the
// end-to-end tests prove the build works from either. Loopback only.
//   node scripts/static-server.mjs        (PORT, and DIST for another copy of dist/)
// scripts/prerender.mjs imports `serve` to open the build it is finishing.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

/** Serves the folder `root` on `port` of the loopback; resolves to the listening server. */
export function serve(root, port) {
  const folder = `${resolve(root)}/`;
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path.startsWith('/glossa/')) path = path.slice('/glossa'.length);
    else if (path === '/glossa') { response.writeHead(301, { location: '/glossa/' }).end(); return; }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(folder, path));
    if (!file.startsWith(folder)) { response.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((done, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // DIST serves another copy (the offline test serves a second build in place of the first).
  const root = process.env.DIST || fileURLToPath(new URL('../dist/', import.meta.url));
  const port = Number(process.env.PORT || 4173);
  await serve(root, port);
  console.log(`serving ${resolve(root)}/ on http://127.0.0.1:${port}/ and /glossa/`);
}
