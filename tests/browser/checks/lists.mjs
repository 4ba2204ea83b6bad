// Long lists split into pages, on the long-title site (long-title.site.yaml: per_page: 1, so the
// three partners make three pages) in he, ar and en, at 360 and 1280 px: the pages' nav fits
// without sideways scroll, its links are finger-sized, "next" is on the left of "previous" in
// Hebrew and Arabic (on the right in English), next and previous lead to the right pages, and
// the keyboard reaches them. The longest run of numbers (← 1 … 6 7 8 … 14 →, on a copy of the
// basic fixture with fourteen partners, built here and served under /kb/) is one row in 360px.
// The initiative filters on a list split into pages filter the whole
// list: from the first page they find an initiative that is on another, hide the pages' nav
// while a filter is on and bring the page back when cleared; and under a sub-path (/kb/) from
// a further page, with cards.json fetched from there. axe-core (WCAG 2.1 AA and best
// practices) finds nothing on pages of lists, a year of news and a filter page, light and dark.
// A domain with 111 initiatives lists 100 on its page and the rest on `page/2/` under it, in
// he, ar and en: the pages lead to each other, fit a phone and pass axe.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HERE, longTitleSite, newContext, open } from '../lib/harness.mjs';
import { serveSite } from '../lib/server.mjs';
import { isReviewed } from './known-issues.mjs';

const LANGS = [
  { lang: 'he', rtl: true, partners: 'שותפים', page: (n, m) => `עמוד ${n} מתוך ${m}` },
  { lang: 'ar', rtl: true, partners: 'الشركاء', page: (n, m) => `الصفحة ${n} من ${m}` },
  { lang: 'en', rtl: false, partners: 'Partners', page: (n, m) => `page ${n} of ${m}` },
];
const WIDTHS = [360, 1280];

/** Runs in the page: the pages' nav, where its links are, and whether the page scrolls sideways. */
function pagerState() {
  const nav = document.querySelector('nav.pager');
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  };
  const links = nav ? [...nav.querySelectorAll('a')] : [];
  const arrow = (sel, pseudo) => {
    const a = nav?.querySelector(sel);
    return a ? getComputedStyle(a, pseudo).content : null;
  };
  return {
    prevArrow: arrow('a[rel=prev]', '::before'),
    nextArrow: arrow('a[rel=next]', '::after'),
    label: nav?.getAttribute('aria-label'),
    hidden: !nav || nav.hidden || nav.offsetParent === null,
    prev: box(nav?.querySelector('a[rel=prev]')),
    next: box(nav?.querySelector('a[rel=next]')),
    links: links.map((a) => ({ text: a.textContent.trim(), current: a.getAttribute('aria-current'), ...box(a) })),
    h1: document.querySelector('h1')?.textContent.replace(/[\u2068\u2069]/g, '').trim(),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  };
}

/** The sites built here from the basic fixture, by name: each built once, removed at the end. */
const built = new Map();
after(async () => {
  for (const b of built.values()) {
    await b.server.close();
    fs.rmSync(b.root, { recursive: true, force: true });
  }
});

/**
 * A copy of the basic fixture, changed by `setup(write, src)`, built with SULAM_BIN and served
 * under /kb/; built once per `name`. `write(rel, text)` writes a file of the copy.
 */
async function basicFixture(name, setup) {
  if (built.has(name)) return built.get(name).server;
  const bin = process.env.SULAM_BIN;
  if (!bin) throw new Error('SULAM_BIN is not set: run tests/browser/run.sh');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `sulam-${name}-`));
  const src = path.join(root, 'src');
  fs.cpSync(path.join(HERE, '..', 'fixtures', 'basic'), src, { recursive: true });
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), text);
  };
  setup(write, src);
  execFileSync(bin, ['build', '--quiet', '--root', src, '--output', path.join(root, 'out')], { stdio: 'ignore' });
  const server = await serveSite(path.join(root, 'out'), '/kb/');
  built.set(name, { root, server });
  return server;
}

const n3 = (i) => String(i).padStart(3, '0');

/** The basic fixture with per_page: 1 and twelve more partners (fourteen pages of partners). */
const pagedFixture = () => basicFixture('lists', (write, src) => {
  fs.appendFileSync(path.join(src, 'site.yaml'), 'per_page: 1\n');
  for (let i = 1; i <= 12; i++) {
    const dir = `content/partners/partner-${String(i).padStart(2, '0')}`;
    write(`${dir}/he.md`, `---\ntitle: שותף ${i}\n---\n`);
    write(`${dir}/ar.md`, `---\ntitle: شريك ${i}\n---\n`);
    write(`${dir}/en.md`, `---\ntitle: Partner ${i}\n---\n`);
  }
});

describe('long lists in pages', () => {
  for (const { lang, rtl, partners, page } of LANGS) {
    for (const width of WIDTHS) {
      it(`${lang} at ${width}px: the pages' nav fits, points the reading way, and leads to the right pages`, async () => {
        const s = await longTitleSite();
        const context = await newContext({ viewport: { width, height: 800 } });
        try {
          const tab = await context.newPage();
          await open(tab, s.url(`/${lang}/partners/page/2/`));
          const st = await tab.evaluate(pagerState);
          assert.ok(!st.hidden, 'the nav shows');
          assert.ok(st.label, 'the nav is named');
          assert.equal(st.h1, `${partners}${lang === 'ar' ? '،' : ','} ${page(2, 3)}`);
          assert.ok(st.scrollWidth <= st.clientWidth, `the page is ${st.scrollWidth}px wide in a ${st.clientWidth}px window`);
          for (const l of st.links) {
            assert.ok(l.left >= 0 && l.right <= st.clientWidth, `"${l.text}" is outside the window: ${l.left}–${l.right}`);
            // 44px tall, at least 36px wide on a phone (2.25rem), 44px from tablet width up.
            const least = width < 768 ? 36 : 44;
            assert.ok(l.width >= least && l.height >= 44, `"${l.text}" is ${l.width}x${l.height}px, under ${least}x44`);
          }
          assert.deepEqual(st.links.filter((l) => l.current).map((l) => l.text), ['2']);
          // "Previous" starts the row and "next" ends it: on the right and the left in Hebrew
          // and Arabic, the other way in English.
          assert.ok(Math.abs(st.prev.top - st.next.top) < 4, 'previous and next on one row');
          // Their arrows point that way too.
          assert.ok(st.prevArrow.includes(rtl ? '→' : '←'), `previous's arrow: ${st.prevArrow}`);
          assert.ok(st.nextArrow.includes(rtl ? '←' : '→'), `next's arrow: ${st.nextArrow}`);
          if (rtl) {
            assert.ok(st.next.right <= st.prev.left, `in ${lang} "next" (${st.next.left}–${st.next.right}) is left of "previous" (${st.prev.left}–${st.prev.right})`);
          } else {
            assert.ok(st.next.left >= st.prev.right, `in en "next" (${st.next.left}–${st.next.right}) is right of "previous" (${st.prev.left}–${st.prev.right})`);
          }

          await Promise.all([tab.waitForURL(s.url(`/${lang}/partners/page/3/`)), tab.locator('nav.pager a[rel=next]').click()]);
          const third = await tab.evaluate(pagerState);
          assert.equal(third.h1, `${partners}${lang === 'ar' ? '،' : ','} ${page(3, 3)}`);
          assert.equal(third.next, null, 'the last page has no next');
          await Promise.all([tab.waitForURL(s.url(`/${lang}/partners/page/2/`)), tab.locator('nav.pager a[rel=prev]').click()]);
          await Promise.all([tab.waitForURL(s.url(`/${lang}/partners/`)), tab.locator('nav.pager a[rel=prev]').click()]);
          const first = await tab.evaluate(pagerState);
          assert.equal(first.h1, partners);
          assert.equal(first.prev, null, 'the first page has no previous');
        } finally {
          await context.close();
        }
      });
    }

    it(`${lang} at 360px: the longest run of pages, ← 1 … 6 7 8 … 14 →, is one row inside the window`, async () => {
      const f = await pagedFixture();
      const context = await newContext({ viewport: { width: 360, height: 800 } });
      try {
        const tab = await context.newPage();
        await open(tab, f.url(`/${lang}/partners/page/7/`));
        const st = await tab.evaluate(pagerState);
        assert.deepEqual(st.links.map((l) => l.text).slice(1, -1), ['1', '6', '7', '8', '14']);
        assert.ok(st.scrollWidth <= st.clientWidth, `the page is ${st.scrollWidth}px wide`);
        const top = st.links[0].top;
        for (const l of st.links) {
          assert.ok(Math.abs(l.top - top) < 4, `"${l.text}" is on another row: ${JSON.stringify(st.links.map((x) => [x.text, x.top]))}`);
          assert.ok(l.left >= 0 && l.right <= st.clientWidth, `"${l.text}" is outside the window`);
        }
        if (rtl) assert.ok(st.next.right <= st.prev.left, 'next on the left');
        else assert.ok(st.next.left >= st.prev.right, 'next on the right');
      } finally {
        await context.close();
      }
    });

    it(`${lang}: the keyboard reaches the next page`, async () => {
      const s = await longTitleSite();
      const context = await newContext();
      try {
        const tab = await context.newPage();
        await open(tab, s.url(`/${lang}/partners/`));
        let on = null;
        for (let i = 0; i < 80 && on !== 'next'; i++) {
          await tab.keyboard.press('Tab');
          on = await tab.evaluate(() => {
            const a = document.activeElement;
            return a?.matches('nav.pager a[rel=next]') && a.matches(':focus-visible') ? 'next' : null;
          });
        }
        assert.equal(on, 'next', 'Tab reaches "next" with a visible focus');
        await Promise.all([tab.waitForURL(s.url(`/${lang}/partners/page/2/`)), tab.keyboard.press('Enter')]);
      } finally {
        await context.close();
      }
    });
  }
});

const AXE_SOURCE = fs.readFileSync(path.join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** What axe could not decide that no one reviewed (known-issues.mjs: the town map's labels). */
const undecided = (r) => r.incomplete.filter((f) => !f.nodes.every((n) => isReviewed(f.rule, n)));

/** Runs in the page: axe's violations, and what it could not decide. */
async function runAxe() {
  const r = await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations', 'incomplete'],
  });
  const found = (list) => list.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  return { violations: found(r.violations), incomplete: found(r.incomplete) };
}

describe('pages of lists under axe', () => {
  for (const scheme of ['light', 'dark']) {
    it(`${scheme}: no violation and nothing undecided on pages 2, a year of news and a filter page`, async () => {
      const s = await longTitleSite();
      const context = await newContext({ colorScheme: scheme, viewport: { width: 360, height: 800 } });
      try {
        const tab = await context.newPage();
        for (const p of ['/he/initiatives/page/2/', '/ar/partners/page/3/', '/en/towns/page/2/', '/ar/news/', '/he/news/2024/', '/en/filter/status/planned/']) {
          await open(tab, s.url(p));
          await tab.addScriptTag({ content: AXE_SOURCE });
          const r = await tab.evaluate(runAxe);
          assert.deepEqual(r.violations, [], `${p} (${scheme})`);
          assert.deepEqual(undecided(r), [], `${p} (${scheme}): undecided`);
        }
      } finally {
        await context.close();
      }
    });
  }
});

/**
 * The basic fixture with 110 more initiatives in the domain `education` (111 in all: two pages
 * of the domain's initiatives, at most 100 a page).
 */
const crowdedFixture = () => basicFixture('crowded', (write) => {
  for (let i = 1; i <= 110; i++) {
    const dir = `content/initiatives/extra-${n3(i)}`;
    write(`${dir}/common.yaml`, 'domains: [education]\n');
    write(`${dir}/he.md`, `---\ntitle: יוזמה ${i}\n---\n`);
    write(`${dir}/ar.md`, `---\ntitle: مبادرة ${i}\n---\n`);
    write(`${dir}/en.md`, `---\ntitle: Initiative ${i}\n---\n`);
  }
});

/**
 * The basic fixture with 70 more towns and 250 more partners, each partner in an initiative of its
 * own in one of the towns (initiative i in town i % 70): 324 boxes, too many for the list's page,
 * so they are in facets.html.
 */
const manyValuesFixture = () => basicFixture('values', (write) => {
  for (let t = 0; t < 70; t++) write(`content/towns/t-${n3(t)}/en.md`, `---\ntitle: Town ${t}\n---\n`);
  for (let i = 0; i < 250; i++) {
    write(`content/partners/p-${n3(i)}/en.md`, `---\ntitle: Partner ${i}\n---\n`);
    write(`content/initiatives/i-${n3(i)}/common.yaml`, `towns: [t-${n3(i % 70)}]\npartners: [p-${n3(i)}]\norder: ${i}\n`);
    write(`content/initiatives/i-${n3(i)}/en.md`, `---\ntitle: Initiative ${i}\n---\n`);
  }
});

describe("an entry's initiatives in pages", () => {
  for (const { lang, page } of LANGS) {
    it(`${lang} at 360px, light and dark: the domain's page and its second page fit, lead to each other and pass axe`, async () => {
      const s = await crowdedFixture();
      for (const scheme of ['light', 'dark']) {
        const context = await newContext({ colorScheme: scheme, viewport: { width: 360, height: 800 } });
        try {
          const tab = await context.newPage();
          const first = `/${lang}/domains/education/`;
          await open(tab, s.url(first));
          const one = await tab.evaluate(pagerState);
          assert.ok(!one.hidden, `${first}: the pages' nav shows`);
          assert.deepEqual(one.links.filter((l) => l.current).map((l) => l.text), ['1']);
          assert.equal(await tab.locator('section.links .link-list > li').count(), 100, `${first}: 100 links`);
          await tab.addScriptTag({ content: AXE_SOURCE });
          let r = await tab.evaluate(runAxe);
          assert.deepEqual(r.violations, [], `${first} (${scheme})`);
          assert.deepEqual(undecided(r), [], `${first} (${scheme}): undecided`);

          await Promise.all([tab.waitForURL(s.url(`${first}page/2/`)), tab.locator('nav.pager a[rel=next]').click()]);
          const two = await tab.evaluate(pagerState);
          assert.ok(two.h1.endsWith(page(2, 2)), `the heading names the page: ${two.h1}`);
          assert.ok(two.scrollWidth <= two.clientWidth, `page 2 is ${two.scrollWidth}px wide in ${two.clientWidth}px`);
          assert.equal(await tab.locator('section.links .link-list > li').count(), 11, 'the other 11 links');
          await tab.addScriptTag({ content: AXE_SOURCE });
          r = await tab.evaluate(runAxe);
          assert.deepEqual(r.violations, [], `${first}page/2/ (${scheme})`);
          assert.deepEqual(undecided(r), [], `${first}page/2/ (${scheme}): undecided`);
          // The crumbs lead back to the domain's own page.
          await Promise.all([tab.waitForURL(s.url(first)), tab.locator(`nav.breadcrumbs a[href="/kb${first}"]`).click()]);
        } finally {
          await context.close();
        }
      }
    });
  }
});

/** Runs in the page: the cards shown, the count, the nav of the pages. */
function listState() {
  const cards = [...document.querySelectorAll('[data-sulam-filter-list] > li')];
  const nav = document.querySelector('nav.pager');
  return {
    shown: cards.filter((c) => !c.hidden && c.offsetParent !== null).map((c) => c.querySelector('a').getAttribute('href')),
    header: document.querySelector('.entry-header .count')?.textContent.replace(/[\u2068\u2069]/g, '').trim(),
    pagerShown: !!nav && !nav.hidden && nav.offsetParent !== null,
  };
}

describe('filters on a list in pages', () => {
  for (const { lang, one, all } of [
    { lang: 'he', one: 'יוזמה אחת', all: '3 יוזמות' },
    { lang: 'ar', one: 'مبادرة واحدة', all: '3 مبادرات' },
    { lang: 'en', one: 'One initiative', all: '3 initiatives' },
  ]) {
    it(`${lang}: from the first page a filter finds an initiative on another page, and clearing brings the page back`, async () => {
      const s = await longTitleSite();
      const context = await newContext({ viewport: { width: 360, height: 800 } });
      try {
        const tab = await context.newPage();
        await open(tab, s.url(`/${lang}/initiatives/`));
        const before = await tab.evaluate(listState);
        assert.equal(before.shown.length, 1, 'one initiative a page');
        assert.ok(!before.shown[0].endsWith('/transition/'), 'the planned initiative is not on the first page');
        assert.ok(before.pagerShown);
        assert.equal(before.header, all);

        await tab.locator('[data-sulam-filters] details:has(input[name=status]) summary').click();
        await tab.locator('[data-sulam-filters] input[name=status][value=planned]').check();
        // The cards of the whole list come from cards.json.
        await tab.waitForFunction(() => [...document.querySelectorAll('[data-sulam-filter-list] > li')]
          .some((li) => !li.hidden && li.querySelector('a').getAttribute('href').endsWith('/transition/')));
        const found = await tab.evaluate(listState);
        assert.deepEqual(found.shown, [`/${lang}/initiatives/transition/`]);
        assert.equal(found.header, one);
        assert.ok(!found.pagerShown, 'the pages are hidden while a filter is on');
        assert.equal(new URL(tab.url()).search, '?status=planned');

        await tab.locator('.filters-clear').click();
        await tab.waitForFunction(() => location.search === '');
        await tab.waitForFunction(() => !document.querySelector('nav.pager').hidden);
        const back = await tab.evaluate(listState);
        assert.deepEqual(back.shown, before.shown, 'the first page again');
        assert.equal(back.header, all);
        assert.ok(back.pagerShown);
      } finally {
        await context.close();
      }
    });
  }

  for (const { lang, four } of [
    { lang: 'he', four: '4 יוזמות' },
    { lang: 'ar', four: '4 مبادرات' },
    { lang: 'en', four: '4 initiatives' },
  ]) {
    it(`${lang}, /kb/: with hundreds of values the boxes come from facets.html and a town filters the whole list`, async () => {
      const f = await manyValuesFixture();
      const context = await newContext({ viewport: { width: 360, height: 800 } });
      try {
        const tab = await context.newPage();
        const requests = [];
        tab.on('request', (r) => requests.push(new URL(r.url()).pathname));
        await open(tab, f.url(`/${lang}/initiatives/`));
        await tab.locator('[data-sulam-filters] input[name=town][value=t-005]').waitFor({ state: 'attached' });
        assert.ok(requests.includes(`/kb/${lang}/initiatives/facets.html`), `the boxes from facets.html: ${requests.join(' ')}`);
        await tab.locator('[data-sulam-filters] details:has(input[name=town]) summary').click();
        await tab.locator('[data-sulam-filters] input[name=town][value=t-005]').check();
        // Initiatives 5, 75, 145 and 215 are in town 5: on four pages of the list.
        await tab.waitForFunction(() => document.querySelectorAll('[data-sulam-filter-list] > li:not([hidden])').length === 4);
        const st = await tab.evaluate(listState);
        assert.deepEqual(st.shown, ['005', '075', '145', '215'].map((n) => `/kb/${lang}/initiatives/i-${n}/`));
        assert.equal(st.header, four);
        assert.equal(new URL(tab.url()).search, '?town=t-005');
      } finally {
        await context.close();
      }
    });
  }

  describe('under a sub-path', () => {
    it('ar, /kb/: a shared address opens a further page filtered over the whole list', async () => {
      const f = await pagedFixture();
      const context = await newContext();
      try {
        const tab = await context.newPage();
        const requests = [];
        tab.on('request', (r) => requests.push(new URL(r.url()).pathname));
        // Page 2 shows beta; the choice in the address needs alpha, on page 1.
        await open(tab, f.url('/ar/initiatives/page/2/?town=sderot'));
        await tab.waitForFunction(() => !document.querySelector('nav.pager').offsetParent);
        const st = await tab.evaluate(listState);
        assert.deepEqual(st.shown, ['/kb/ar/initiatives/alpha/']);
        assert.equal(st.header, 'مبادرة واحدة');
        assert.ok(requests.includes('/kb/ar/initiatives/cards.json'), `cards.json from under /kb/: ${requests.join(' ')}`);
        // A further page carries no boxes of its own: they come from the first page.
        assert.ok(requests.includes('/kb/ar/initiatives/'), `the first page's boxes from under /kb/: ${requests.join(' ')}`);
        assert.ok(await tab.locator('[data-sulam-filters] input[name=town][value=sderot]').isChecked());
      } finally {
        await context.close();
      }
    });
  });
});
