#!/usr/bin/env node
// Serves the app's production build (usage: serve-built-app.js DIST PORT) as the end-to-end
// tests need it: files as they are, and index.html for every other path, which the app's router
// then handles. Pages of the build load several times faster than the development server's, on
// which the tests spent most of their time loading bundles.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const CONTENT_TYPES = {
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.ico': 'image/x-icon',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const [distArg, portArg] = process.argv.slice(2);
if (!distArg || !portArg) {
  console.error('usage: serve-built-app.js DIST PORT');
  process.exit(2);
}
const root = path.resolve(distArg);
const index = path.join(root, 'index.html');
if (!fs.existsSync(index)) {
  console.error(`no index.html in ${root}: build the app first`);
  process.exit(1);
}

/** The file a request path names inside the build, or index.html when there is none. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return index;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (!file.startsWith(root + path.sep)) return index;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? file : index;
}

http
  .createServer((req, res) => {
    const file = fileFor(req.url ?? '/');
    res.writeHead(200, {
      'content-type':
        CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      // index.html names the hashed bundles of this build: never keep it.
      'cache-control': file === index ? 'no-store' : 'max-age=31536000',
    });
    fs.createReadStream(file).pipe(res);
  })
  .listen(Number(portArg), () => {
    console.log(`serving ${root} at http://localhost:${portArg}`);
  });
