// Lighthouse 12 (mobile preset, its simulated slow phone and network) on the pages readers
// land on most: the home page in he, ar and en, an initiative in he and ar, and a search page.
// Every category scores at least 95. The search page is `noindex` on purpose (its results
// change with every query; the pages they lead to are what to index), which Lighthouse's
// "is-crawlable" audit counts against SEO: that one audit is left out there, and only there. Lighthouse runs its own Chromium (the Debian one, headless),
// on the example site as the harness serves it.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { site, CHROMIUM_PATH } from '../lib/harness.mjs';

const PAGES = ['/he/', '/ar/', '/en/', '/he/initiatives/town-at-the-centre/', '/ar/initiatives/town-at-the-centre/', '/ar/search/'];
const NOINDEX = new Set(['/ar/search/']);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const LEAST = 0.95;

let chrome = null;
async function launch() {
  chrome ??= await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    logLevel: 'silent',
  });
  return chrome;
}
after(async () => { await chrome?.kill(); });

describe('Lighthouse on a phone: every category at least 95', () => {
  for (const p of PAGES) {
    it(p, async (t) => {
      const s = await site();
      const { port } = await launch();
      const flags = { port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES };
      if (NOINDEX.has(p)) flags.skipAudits = ['is-crawlable'];
      const result = await lighthouse(s.url(p), flags);
      const lhr = result.lhr;
      assert.equal(lhr.runtimeError, undefined, `${p}: ${JSON.stringify(lhr.runtimeError)}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
      t.diagnostic(`${p}: ${CATEGORIES.map((c) => `${c} ${Math.round((scores[c] ?? 0) * 100)}`).join(', ')}`);
      const low = CATEGORIES.filter((c) => !(scores[c] >= LEAST));
      if (low.length) {
        // Name the audits that cost the points.
        const failing = low.flatMap((c) => lhr.categories[c].auditRefs
          .filter((r) => r.weight > 0 && (lhr.audits[r.id].score ?? 1) < 1)
          .map((r) => `${c}: ${r.id} (${lhr.audits[r.id].displayValue || lhr.audits[r.id].score})`));
        assert.fail(`${p}: ${low.map((c) => `${c} ${Math.round((scores[c] ?? 0) * 100)}`).join(', ')} below ${LEAST * 100}\n  ${failing.join('\n  ')}`);
      }
    });
  }
});
