// A tiny static file server for a built Sulam site, for the browser checks only.
// It listens on 127.0.0.1 on a free port, serves `root` under `basePath` ("/" or "/kb/"),
// answers a folder URL with its index.html, redirects a folder URL without its slash
// (as common static hosts do), and answers anything else with the site's 404.html and 404.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

async function statOrNull(p) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/**
 * Serve a folder. Resolves to { origin, base, url(p), close() } where url('/he/') gives the
 * absolute URL of a site path (site paths are written without the base path).
 */
export async function serveSite(root, basePath = '/') {
  const absRoot = path.resolve(root);
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`base path must start and end with "/": ${basePath}`);
  }

  async function send404(res, method) {
    let body = '<!DOCTYPE html><title>Not found</title><p>Not found</p>';
    try {
      body = await fs.readFile(path.join(absRoot, '404.html'));
    } catch { /* the site has no 404 page */ }
    res.writeHead(404, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    res.end(method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      if (pathname === basePath.slice(0, -1) && basePath !== '/') {
        res.writeHead(301, { location: basePath });
        res.end();
        return;
      }
      if (!pathname.startsWith(basePath)) return send404(res, req.method);
      let rel;
      try {
        rel = decodeURIComponent(pathname.slice(basePath.length));
      } catch {
        return send404(res, req.method);
      }
      if (rel.includes('\0')) return send404(res, req.method);
      let file = path.resolve(absRoot, '.' + path.posix.normalize('/' + rel));
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) return send404(res, req.method);
      let st = await statOrNull(file);
      if (st && st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: pathname + '/' });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
        st = await statOrNull(file);
      }
      if (!st || !st.isFile()) return send404(res, req.method);
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    root: absRoot,
    origin,
    base: basePath,
    /** Absolute URL of a site path such as "/he/" (without the base path). */
    url(p) {
      return origin + basePath + p.replace(/^\//, '');
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Every .html file under root, as site paths: "/", "/404.html", "/he/initiatives/". */
export async function listPages(root) {
  const out = [];
  async function walk(dir) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && e.name.endsWith('.html')) {
        const rel = '/' + path.relative(root, full).split(path.sep).join('/');
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  }
  await walk(path.resolve(root));
  return out.sort();
}
