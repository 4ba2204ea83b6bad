// Shared pieces of the browser checks: the three built sites (served by lib/server.mjs),
// one Chromium for the whole run, and small helpers. Everything is started lazily on first
// use and closed by one root `after` hook, so a check file also runs on its own:
//   SULAM_SITE_DIR=... SULAM_FIXTURE_DIR=... SULAM_LONG_TITLE_DIR=... node --test checks/keyboard.mjs
import { after } from 'node:test';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite, listPages } from './server.mjs';

export const HERE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function requiredDir(name) {
  const dir = process.env[name];
  if (!dir) throw new Error(`${name} is not set: run tests/browser/run.sh, or set it to a built site folder`);
  if (!fs.existsSync(path.join(dir, '404.html'))) throw new Error(`${name}=${dir} does not look like a built Sulam site (no 404.html)`);
  return dir;
}

function once(fn) {
  let p = null;
  return () => (p ??= fn());
}

const closers = [];

/** The example site, served at "/". */
export const site = once(async () => {
  const s = await serveSite(requiredDir('SULAM_SITE_DIR'), '/');
  closers.push(() => s.close());
  return s;
});

/** The fixture site (tests/fixtures/basic), served under its base path "/kb/". */
export const fixture = once(async () => {
  const s = await serveSite(requiredDir('SULAM_FIXTURE_DIR'), process.env.SULAM_FIXTURE_BASE || '/kb/');
  closers.push(() => s.close());
  return s;
});

/** The basic fixture's content under a 120-character site title (long-title.site.yaml), at "/". */
export const longTitleSite = once(async () => {
  const s = await serveSite(requiredDir('SULAM_LONG_TITLE_DIR'), '/');
  closers.push(() => s.close());
  return s;
});

/** The one Chromium of the run. */
export const browser = once(async () => {
  const b = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  closers.unshift(() => b.close());
  return b;
});

/**
 * A fresh browser context. Its locale is one the sites do not offer by default, so the root
 * language chooser (which follows navigator.languages) stays on screen instead of redirecting.
 */
export async function newContext(options = {}) {
  const b = await browser();
  return b.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 }, ...options });
}

after(async () => {
  for (const close of closers.splice(0)) {
    try {
      await close();
    } catch (err) {
      console.error('closing:', err);
    }
  }
});

export { listPages };

/** Run `worker(item)` over items with at most `limit` running at once; keeps the order of results. */
export async function mapLimit(items, limit, worker) {
  const results = new Array(items.length);
  let next = 0;
  async function lane(laneIndex) {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i], laneIndex);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, k) => lane(k)));
  return results;
}

/**
 * End the running test as failed by a known problem (one listed in checks/known-issues.mjs),
 * with `why` and `details` and without a stack trace. A known problem is still a failure:
 * it counts in the closing line like any other, so the gate stays red until it is fixed.
 * `t` is kept so that callers need not change.
 */
export function failingKnown(t, why, details) {
  const err = new Error(`known issue (see checks/known-issues.mjs): ${why}\n${details}`);
  err.stack = err.message;
  throw err;
}

/** Go to a URL and fail loudly unless it answered 200 and stayed there. */
export async function open(page, url, { status = 200 } = {}) {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res) throw new Error(`no response for ${url}`);
  if (res.status() !== status) throw new Error(`${url} answered ${res.status()}, expected ${status}`);
  if (page.url() !== url) throw new Error(`${url} ended up at ${page.url()}`);
  return res;
}
