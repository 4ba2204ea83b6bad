// Search as a reader uses it: typing Hebrew and Arabic (with prefixes, niqqud, tashkeel, a
// plain " for gershayim) into the header's box and into the search page, finding the right
// entry in the page's language, with the count said by a live region; the keyboard; the site
// under a sub-path; the form without JavaScript; and the search page opened from disk.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { site, fixture, newContext, open } from '../lib/harness.mjs';

const MOBILITY = 'initiatives/municipal-mobility/';

/** Types `q` into `input` key by key, as a reader would, and waits for the results. */
async function type(page, input, q, listSelector) {
  await page.locator(input).click();
  await page.locator(input).pressSequentially(q);
  await page.waitForFunction(
    ({ input, q, listSelector }) => document.querySelector(input).value === q &&
      document.querySelector(listSelector)?.children.length > 0,
    { input, q, listSelector },
  );
}

/** The result links' paths, and what the live region says. */
async function results(page, scope) {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope);
    const status = root.querySelector('[role=status]') || document.querySelector('main [role=status]');
    return {
      hrefs: [...root.querySelectorAll('.search-result a')].map((a) => new URL(a.href).pathname),
      titles: [...root.querySelectorAll('.search-result a')].map((a) => ({ text: a.textContent, lang: a.lang, dir: a.dir })),
      marks: [...root.querySelectorAll('.search-result mark')].map((m) => m.textContent),
      status: status.textContent.replace(/[\u2068\u2069]/g, ''),
      count: root.querySelectorAll('.search-result').length,
    };
  }, scope);
}

/** The count sentence of the theme's i18n/<lang>.ftl (search-count), written out here. */
export function countText(lang, n) {
  const num = n.toLocaleString('en-US');
  if (lang === 'he') return n === 1 ? 'תוצאה אחת' : n === 2 ? 'שתי תוצאות' : `${num} תוצאות`;
  if (lang === 'ar') {
    const form = { one: 'نتيجة واحدة', two: 'نتيجتان', few: `${num} نتائج` };
    return form[new Intl.PluralRules('ar').select(n)] ?? `${num} نتيجة`;
  }
  return n === 1 ? 'One result' : `${num} results`;
}

const PAGE_CASES = [
  { lang: 'he', q: 'ובמוביליות', expect: MOBILITY, why: 'ו+ב prefixes' },
  { lang: 'he', q: 'מוביליות', expect: MOBILITY, why: 'the bare word, which itself begins with מ' },
  { lang: 'he', q: 'בְּמוֹבִילִיּוּת', expect: MOBILITY, why: 'niqqud and a ב prefix' },
  { lang: 'he', q: "הג'וינט", expect: MOBILITY, why: "geresh typed as '" },
  { lang: 'he', q: 'רש"י', expect: 'partners/rashi-foundation/', why: 'gershayim typed as "' },
  { lang: 'ar', q: 'المحلية', expect: MOBILITY, why: 'the article' },
  { lang: 'ar', q: 'الحَرَاكُ المَحَلِّيّ', expect: MOBILITY, why: 'tashkeel' },
  { lang: 'ar', q: 'والمحلية', expect: MOBILITY, why: 'و+ال' },
  { lang: 'en', q: 'Municipal mob', expect: MOBILITY, why: 'the last word still being typed' },
];

describe('search', () => {
  let context;
  before(async () => {
    context = await newContext();
  });
  after(() => context?.close());

  for (const { lang, q, expect, why } of PAGE_CASES) {
    it(`/${lang}/search/: "${q}" (${why}) finds /${lang}/${expect}`, async () => {
      const s = await site();
      const page = await context.newPage();
      try {
        await open(page, s.url(`/${lang}/search/`));
        await type(page, '#search-q', q, 'main .search-results');
        // The live region says the total at once; a result whose part of the index is still
        // on its way is added when it arrives. Wait until the first page of them is shown.
        const texts = Array.from({ length: 20 }, (_, i) => countText(lang, i + 1));
        await page.waitForFunction((texts) => {
          const said = (document.querySelector('main [role=status]')?.textContent ?? '').replace(/[\u2068\u2069]/g, '');
          const n = texts.indexOf(said) + 1 || 20;
          return document.querySelectorAll('main .search-result').length === n;
        }, texts);
        const r = await results(page, 'main');
        assert.ok(r.hrefs.includes(`/${lang}/${expect}`), `${r.hrefs.length} results: ${r.hrefs.slice(0, 8).join(' ')}`);
        assert.ok(r.marks.length > 0, 'the match is marked');
        // The live region says the count of all the results, in words of the page's language;
        // the total is what "More results" shows in the end.
        let total = r.count;
        if (await page.locator('main .search-more').isVisible()) {
          assert.equal(r.count, 20, 'the first 20 are shown');
          // "More results" adds the next ones and takes the focus to the first of them.
          await page.locator('main .search-more').click();
          await page.waitForFunction((n) => document.querySelectorAll('main .search-result').length > n, r.count);
          assert.equal(await page.evaluate(() => document.activeElement.closest('.search-result') ===
            document.querySelectorAll('main .search-result')[20]), true, 'focus on the 21st result');
          while (await page.locator('main .search-more').isVisible()) {
            const n = await page.locator('main .search-result').count();
            await page.locator('main .search-more').click();
            await page.waitForFunction((n) => document.querySelectorAll('main .search-result').length > n, n);
          }
          total = await page.locator('main .search-result').count();
        }
        assert.equal(r.status, countText(lang, total), `the live region for ${total} results`);
        assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('q')), q, 'the address keeps the query');
      } finally {
        await page.close();
      }
    });
  }

  it('the header box answers as the reader types, and arrow keys and Escape work', async () => {
    const s = await site();
    const page = await context.newPage();
    try {
      await open(page, s.url('/he/initiatives/'));
      assert.equal(await page.locator('script[src$="search.js"]').count(), 0, 'search.js loads on first use only');
      await type(page, '#site-search-q', 'ובמוביליות', 'header .search-results');
      const r = await results(page, 'header .site-search');
      assert.equal(r.hrefs[0], `/he/${MOBILITY}`, r.hrefs.join(' '));
      assert.match(r.status, /^(\d+ תוצאות|תוצאה אחת|שתי תוצאות)$/, 'live region in Hebrew');
      assert.ok(await page.locator('header .search-popup').isVisible());
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => new URL(document.activeElement.href).pathname), `/he/${MOBILITY}`);
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-q');
      assert.ok(!(await page.locator('header .search-popup').isVisible()), 'Escape closes the list');
      // Enter goes to the search page with the query.
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/he/search/');
      await page.waitForFunction(() => document.querySelectorAll('main .search-result').length > 0);
      assert.equal(await page.inputValue('#search-q'), 'ובמוביליות');
    } finally {
      await page.close();
    }
  });

  it('a page left open across a rebuild loads the new index when a part is gone', async () => {
    const s = await site();
    const page = await context.newPage();
    try {
      // Until the index is asked for again, the parts it names are gone, as when the site
      // was rebuilt and its parts renamed.
      const asked = [];
      let rebuilt = false;
      await page.route(/\/search\/he(\.js|\/[^/]+\.js)(\?.*)?$/, (route) => {
        const url = new URL(route.request().url());
        asked.push(url.pathname + url.search);
        if (url.pathname === '/search/he.js' && url.search) rebuilt = true;
        if (url.pathname.startsWith('/search/he/') && !rebuilt) {
          return route.fulfill({ status: 404, contentType: 'text/html', body: 'gone' });
        }
        return route.continue();
      });
      await open(page, s.url('/he/'));
      await type(page, '#site-search-q', 'מוביליות', 'header .search-results');
      const r = await results(page, 'header .site-search');
      assert.equal(r.hrefs[0], `/he/${MOBILITY}`, r.hrefs.join(' '));
      const indexLoads = asked.filter((a) => a.startsWith('/search/he.js'));
      assert.equal(indexLoads.length, 2, asked.join(' '));
      assert.match(indexLoads[1], /^\/search\/he\.js\?v=\d+$/, 'asked for again past caches');
    } finally {
      await page.close();
    }
  });

  it('a fallback text is one result, marked with its language', async () => {
    const f = await fixture();
    const page = await context.newPage();
    try {
      // beta has only a Hebrew text; on the Arabic search page it is found once, marked Hebrew.
      await open(page, f.url('/ar/search/'));
      await type(page, '#search-q', 'הינקות', 'main .search-results');
      const r = await results(page, 'main');
      assert.deepEqual(r.hrefs, ['/kb/ar/initiatives/beta/']);
      assert.deepEqual(r.titles[0], { text: 'מיזם הינקות', lang: 'he', dir: 'rtl' });
    } finally {
      await page.close();
    }
  });

  it('under a sub-path (/kb/), results lead to pages that exist', async () => {
    const f = await fixture();
    const page = await context.newPage();
    try {
      await open(page, f.url('/he/'));
      await type(page, '#site-search-q', 'מוביליות', 'header .search-results');
      const r = await results(page, 'header .site-search');
      assert.ok(r.hrefs.includes('/kb/he/initiatives/alpha/'), r.hrefs.join(' '));
      await page.locator('header .search-result a[href$="/kb/he/initiatives/alpha/"]').click();
      await page.waitForURL((u) => u.pathname === '/kb/he/initiatives/alpha/');
    } finally {
      await page.close();
    }
  });

  it('without JavaScript the header box is a plain form to the search page', async () => {
    const s = await site();
    const noJs = await newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await open(page, s.url('/ar/'));
      await page.fill('#site-search-q', 'المحلية');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/ar/search/');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'المحلية');
    } finally {
      await noJs.close();
    }
  });

  it('the search page works opened from disk (file://)', async () => {
    const s = await site();
    const file = path.join(s.root, 'he', 'search', 'index.html');
    const page = await context.newPage();
    try {
      await page.goto(pathToFileURL(file).href + '?q=' + encodeURIComponent('ובמוביליות'));
      await page.waitForFunction(() => document.querySelectorAll('main .search-result').length > 0);
      const href = await page.locator('main .search-result a').first().getAttribute('href');
      assert.ok(href.startsWith('file://') && href.endsWith(`/he/${MOBILITY}index.html`), href);
      assert.ok(fs.existsSync(new URL(href)), `${href} is a file`);
    } finally {
      await page.close();
    }
  });
});
