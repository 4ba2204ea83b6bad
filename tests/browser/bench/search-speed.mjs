// How long from the first keystroke to the first result on screen, on a CPU slowed down as a
// phone's would be (Chromium's CPU throttling through the DevTools protocol). A measurement,
// not a test: run it by hand on a built site (see bench/README.md).
//
//   node tests/browser/bench/search-speed.mjs SITE_DIR [lang=he] [query=מוביליות] [rate=4] [runs=5]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from '../lib/server.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

const [dir, lang = 'he', query = 'מוביליות', rate = '4', runs = '5'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: search-speed.mjs SITE_DIR [lang] [query] [rate] [runs]');
  process.exit(2);
}

/**
 * Runs in the page: window.searchMs becomes a promise of the ms from the first keystroke to
 * the frame that shows the first result. Awaited in one call, not polled: polling a throttled
 * page steals the main thread the measured work runs on.
 */
function watch(listSelector) {
  window.searchMs = new Promise((resolve) => {
    let start = 0;
    // Playwright types Hebrew and Arabic letters as text input (no keydown), so the first
    // event of the keystroke the page sees is beforeinput; its timeStamp is when it was made.
    const first = (e) => { if (!start) start = Math.min(e.timeStamp || Infinity, performance.now()); };
    addEventListener('keydown', first, { capture: true });
    addEventListener('beforeinput', first, { capture: true });
    const list = document.querySelector(listSelector);
    new MutationObserver((_, obs) => {
      // A result with its snippet: every entry of the generated site has one.
      if (start && list.querySelector('.search-result .search-result-snippet')) {
        obs.disconnect();
        // The frame that shows it.
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    }).observe(list, { childList: true });
  });
}

async function measured(page) {
  return page.evaluate(() => window.searchMs);
}

// Served under the site's own base path, read from its 404 page's stylesheet link.
const notFound = fs.readFileSync(path.join(dir, '404.html'), 'utf8');
const base = (notFound.match(/href="([^"]*)sulam\.css"/) || [null, '/'])[1];
const s = await serveSite(path.resolve(dir), base);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const results = { header: [], paused: [], cold: [], warm: [] };
try {
  for (let i = 0; i < Number(runs); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('crash', () => console.error('page crashed'));
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => console.error('console:', m.text()));
    const cdp = await context.newCDPSession(page);
    // Header, coldest: on the home page the box is focused and typed in at once; search.js
    // and the index both load on that focus.
    await page.goto(s.url(`/${lang}/`), { waitUntil: 'load' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
    await page.evaluate(watch, 'header .search-results');
    await page.locator('#site-search-q').focus();
    await page.keyboard.type(query.slice(0, 1));
    results.header.push(await measured(page));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Header, after a pause: the reader clicks into the box and types half a second later,
    // by when the script and the index's first file are in.
    await page.goto(s.url(`/${lang}/initiatives/`), { waitUntil: 'load' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
    await page.evaluate(watch, 'header .search-results');
    await page.locator('#site-search-q').focus();
    await page.waitForTimeout(500);
    await page.keyboard.type(query.slice(0, 1));
    results.paused.push(await measured(page));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Search page: the index is fetched when the page goes idle; the key is pressed as soon
    // as the page has loaded.
    await page.goto(s.url(`/${lang}/search/`), { waitUntil: 'load' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
    await page.evaluate(watch, 'main .search-results');
    await page.locator('#search-q').focus();
    await page.keyboard.type(query.slice(0, 1));
    results.cold.push(await measured(page));
    // Warm: the index is in; the reader starts a new query.
    await page.waitForFunction(() => document.querySelectorAll('main .search-result').length > 0);
    await page.locator('#search-q').fill('');
    await page.waitForFunction(() => document.querySelectorAll('main .search-result').length === 0);
    await page.evaluate(watch, 'main .search-results');
    await page.keyboard.type(query.slice(0, 1));
    results.warm.push(await measured(page));
    await context.close();
  }
} finally {
  await browser.close();
  await s.close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const k of Object.keys(results)) {
  console.log(`${k}: median ${median(results[k]).toFixed(0)} ms; runs ${results[k].map((x) => x.toFixed(0)).join(', ')} ` +
    `(CPU throttled ${rate}x, ${lang}, first key of "${query}")`);
}
