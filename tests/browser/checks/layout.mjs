// Right-to-left layout: in Hebrew and Arabic the header runs from the right, in English from
// the left; header, main and footer follow each other top to bottom. The header's shape is
// stated as an invariant, not as one font's widths: from tablet width up, the search box and
// the language switcher are on the title's row, the switcher at the inline end, whatever the
// title's length (a site with a 120-character title in each language is checked too).
// And a Latin name with parentheses inside a Hebrew sentence keeps its own order.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { site, longTitleSite, newContext, open } from '../lib/harness.mjs';

const PAGES = ['', 'initiatives/', 'initiatives/municipal-mobility/'];
const LANGS = [
  { code: 'he', rtl: true },
  { code: 'ar', rtl: true },
  { code: 'en', rtl: false },
];
// The header holds one row from 48rem (768 CSS px) up; 800 is the narrowest width checked.
const DESKTOP_WIDTHS = [1280, 800];

/** Runs in the page: the boxes the layout checks compare. */
function boxes() {
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  };
  const items = [...document.querySelectorAll('nav.main-nav li')];
  const bar = document.querySelector('header.site-header .bar');
  const title = document.querySelector('.site-title');
  const barStyle = bar && getComputedStyle(bar);
  const barBox = box(bar);
  return {
    dir: getComputedStyle(document.documentElement).direction,
    pageScrollWidth: document.documentElement.scrollWidth,
    pageWidth: document.documentElement.clientWidth,
    navCount: items.length,
    firstNav: box(items[0]),
    lastNav: box(items[items.length - 1]),
    bar: barBox && {
      ...barBox,
      contentLeft: barBox.left + parseFloat(barStyle.paddingLeft),
      contentRight: barBox.right - parseFloat(barStyle.paddingRight),
    },
    title: box(title),
    titleText: title?.textContent,
    titleClipped: title ? title.scrollWidth > title.clientWidth + 1 : null,
    search: box(document.querySelector('.bar .site-search')),
    searchInput: box(document.querySelector('.bar .site-search input')),
    languages: box(document.querySelector('nav.languages')),
    header: box(document.querySelector('body > header.site-header')),
    main: box(document.querySelector('body > main')),
    footer: box(document.querySelector('body > footer.site-footer')),
  };
}

const span = (x) => `[${x.left.toFixed(1)}..${x.right.toFixed(1)}]`;
const rows = (x) => `rows ${x.top.toFixed(1)}..${x.bottom.toFixed(1)}`;

/**
 * The header's shape at a desktop width, in the page's direction: title at the inline start,
 * then the search box, then the language switcher flush with the inline end, all three on one
 * row; the title is not clipped and nothing widens the page.
 */
function assertHeaderShape(b, rtl, where) {
  for (const k of ['bar', 'title', 'search', 'searchInput', 'languages']) assert.ok(b[k], `${where}: no ${k} in the header`);
  const onTitleRow = (x) => x.top < b.title.bottom && x.bottom > b.title.top;
  assert.ok(onTitleRow(b.search), `${where}: the search box (${rows(b.search)}) is not on the title's row (${rows(b.title)})`);
  assert.ok(onTitleRow(b.languages), `${where}: the language switcher (${rows(b.languages)}) is not on the title's row (${rows(b.title)})`);
  // In reading order: title, search, switcher.
  const [first, second, third] = rtl ? [b.languages, b.search, b.title] : [b.title, b.search, b.languages];
  assert.ok(first.right <= second.left + 0.5 && second.right <= third.left + 0.5,
    `${where}: from the inline start the header should hold the title ${span(b.title)}, the search box ${span(b.search)}, ` +
      `then the switcher ${span(b.languages)} (${rtl ? 'right to left' : 'left to right'})`);
  const [titleEdge, barStart, switcherEdge, barEnd] = rtl
    ? [b.title.right, b.bar.contentRight, b.languages.left, b.bar.contentLeft]
    : [b.title.left, b.bar.contentLeft, b.languages.right, b.bar.contentRight];
  assert.ok(Math.abs(titleEdge - barStart) < 1, `${where}: the title ${span(b.title)} should start at the bar's inline start (${barStart})`);
  assert.ok(Math.abs(switcherEdge - barEnd) < 1, `${where}: the switcher ${span(b.languages)} should end at the bar's inline end (${barEnd})`);
  assert.equal(b.titleClipped, false, `${where}: the title is clipped`);
  assert.ok(b.searchInput.width >= 80, `${where}: the search field is ${b.searchInput.width}px wide, too narrow to type in`);
  assert.ok(b.pageScrollWidth <= b.pageWidth, `${where}: the page is ${b.pageScrollWidth}px wide in a ${b.pageWidth}px window`);
}

describe('layout direction at 1280px', () => {
  let context;
  let page;
  before(async () => {
    context = await newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  after(() => context?.close());

  for (const { code, rtl } of LANGS) {
    for (const rel of PAGES) {
      const p = `/${code}/${rel}`;
      it(`${p} runs ${rtl ? 'right to left' : 'left to right'}, header above main above footer`, async () => {
        const s = await site();
        await open(page, s.url(p));
        const b = await page.evaluate(boxes);
        assert.equal(b.dir, rtl ? 'rtl' : 'ltr', 'computed direction of <html>');
        assert.ok(b.navCount >= 2, `nav.main-nav has ${b.navCount} item(s); the check needs two`);
        for (const k of ['title', 'languages', 'header', 'main', 'footer']) assert.ok(b[k], `no ${k} on ${p}`);

        // At 1280px the main navigation fits on one line; if it wraps, "right of" means little.
        assert.ok(Math.abs(b.firstNav.top - b.lastNav.top) < 1,
          `nav.main-nav wraps at 1280px (first item top ${b.firstNav.top}, last ${b.lastNav.top})`);
        if (rtl) {
          assert.ok(b.firstNav.left >= b.lastNav.right,
            `first main-nav item [${b.firstNav.left}..${b.firstNav.right}] should be right of the last [${b.lastNav.left}..${b.lastNav.right}]`);
        } else {
          assert.ok(b.firstNav.right <= b.lastNav.left,
            `first main-nav item [${b.firstNav.left}..${b.firstNav.right}] should be left of the last [${b.lastNav.left}..${b.lastNav.right}]`);
        }
        assertHeaderShape(b, rtl, p);
        assert.ok(b.header.bottom <= b.main.top + 0.5, `header (bottom ${b.header.bottom}) should end before main (top ${b.main.top})`);
        assert.ok(b.main.bottom <= b.footer.top + 0.5, `main (bottom ${b.main.bottom}) should end before footer (top ${b.footer.top})`);
        assert.ok(b.main.height > 0 && b.footer.height > 0, 'main and footer take up space');
      });
    }
  }
});

describe('the header keeps its shape at desktop widths', () => {
  let context;
  let page;
  before(async () => {
    context = await newContext();
    page = await context.newPage();
  });
  after(() => context?.close());

  const cases = [
    { name: 'the example site', get: site, pages: ['', 'initiatives/municipal-mobility/'], minTitle: 40 },
    { name: 'a site with a 120-character title', get: longTitleSite, pages: ['', 'initiatives/'], minTitle: 110 },
  ];
  for (const { name, get, pages, minTitle } of cases) {
    for (const { code, rtl } of LANGS) {
      it(`${name}, ${code}: the switcher and search on the title's row, the switcher at the inline end, at ${DESKTOP_WIDTHS.join(' and ')}px`, async () => {
        const s = await get();
        for (const width of DESKTOP_WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          for (const rel of pages) {
            const p = `/${code}/${rel}`;
            await open(page, s.url(p));
            const b = await page.evaluate(boxes);
            assert.equal(b.dir, rtl ? 'rtl' : 'ltr', `${p}: computed direction of <html>`);
            assert.ok(b.titleText.trim().length >= minTitle, `${p}: the site title "${b.titleText}" is shorter than this case is about`);
            assertHeaderShape(b, rtl, `${p} at ${width}px`);
          }
        }
      });
    }
  }
});

/**
 * Runs in the page: for every <bdi> whose text contains `phrase`, the rectangles of the given
 * pieces of it, found with a Range over its text node(s).
 */
function pieceRects({ phrase, pieces }) {
  const out = [];
  for (const bdi of document.querySelectorAll('bdi')) {
    const text = bdi.textContent;
    const at = text.indexOf(phrase);
    if (at < 0) continue;
    // Map an offset in bdi.textContent to (text node, offset in node).
    const nodes = [];
    const walker = document.createTreeWalker(bdi, NodeFilter.SHOW_TEXT);
    let start = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start, end: start + n.data.length });
      start += n.data.length;
    }
    const locate = (offset, isEnd) => {
      const hit = nodes.find((x) => (isEnd ? offset > x.start && offset <= x.end : offset >= x.start && offset < x.end));
      return [hit.node, offset - hit.start];
    };
    const rects = {};
    for (const piece of pieces) {
      const i = text.indexOf(piece, at);
      if (i < 0 || i + piece.length > at + phrase.length) throw new Error(`"${piece}" is not in "${phrase}"`);
      const range = document.createRange();
      range.setStart(...locate(i, false));
      range.setEnd(...locate(i + piece.length, true));
      const r = range.getClientRects();
      // A piece inside one word has one box; take the union to be safe.
      let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
      for (const x of r) {
        left = Math.min(left, x.left); right = Math.max(right, x.right);
        top = Math.min(top, x.top); bottom = Math.max(bottom, x.bottom);
      }
      rects[piece] = { left, right, top, bottom, boxes: r.length };
    }
    out.push({ where: bdi.parentElement.tagName.toLowerCase() + (bdi.parentElement.className ? '.' + bdi.parentElement.className : ''), rects });
  }
  return out;
}

describe('a Latin name in a Hebrew sentence', () => {
  it('"Social Finance Israel (SFI)" renders left to right, parentheses around SFI', async () => {
    const s = await site();
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await open(page, s.url('/he/initiatives/loneliness-social-impact-bond/'));
      const found = await page.evaluate(pieceRects, {
        phrase: 'Social Finance Israel (SFI)',
        pieces: ['Social', '(', 'SFI', ')'],
      });
      assert.ok(found.length >= 1, 'no <bdi> containing "Social Finance Israel (SFI)" on the page');
      for (const { where, rects: r } of found) {
        const at = (k) => `"${k}" [${r[k].left.toFixed(1)}..${r[k].right.toFixed(1)}]`;
        for (const k of Object.keys(r)) assert.equal(r[k].boxes, 1, `${where}: ${at(k)} should be one box`);
        const lines = new Set(Object.values(r).map((x) => Math.round(x.top)));
        assert.equal(lines.size, 1, `${where}: the phrase wraps at 1280px, so left/right order is not meaningful`);
        assert.ok(r['('].right <= r.SFI.left + 0.5, `${where}: ${at('(')} should be left of ${at('SFI')}`);
        assert.ok(r.SFI.right <= r[')'].left + 0.5, `${where}: ${at('SFI')} should be left of ${at(')')}`);
        assert.ok(r.Social.right <= r['('].left + 0.5, `${where}: ${at('Social')} should be left of ${at('(')}`);
      }
    } finally {
      await context.close();
    }
  });
});

describe('embedded media on a 360px phone', () => {
  for (const { code } of LANGS) {
    it(`/${code}/pages/media/: a frame, a video, code and a table never widen the page`, async () => {
      const s = await longTitleSite();
      const context = await newContext({ viewport: { width: 360, height: 740 } });
      try {
        const page = await context.newPage();
        await open(page, s.url(`/${code}/pages/media/`));
        const m = await page.evaluate(() => {
          const body = document.querySelector('main .body');
          const width = (sel) => [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect().width);
          return {
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            column: body ? body.getBoundingClientRect().width : null,
            frames: width('main .body iframe'),
            videos: width('main .body video'),
            pres: width('main .body pre'),
            tables: width('main .body table'),
          };
        });
        assert.ok(m.column, 'no .body on the page');
        for (const k of ['frames', 'videos', 'pres', 'tables']) {
          assert.equal(m[k].length, 1, `${k}: expected one on the page`);
          assert.ok(m[k][0] <= m.column + 0.5, `${k} is ${m[k][0]}px wide in a ${m.column}px column`);
        }
        assert.ok(m.scrollWidth <= m.clientWidth, `the page is ${m.scrollWidth}px wide in a ${m.clientWidth}px window`);
      } finally {
        await context.close();
      }
    });
  }
});

describe("Markdown's components on a 360px phone", () => {
  for (const { code } of LANGS) {
    for (const js of [true, false]) {
      it(`/${code}/pages/components/ ${js ? 'with' : 'without'} JavaScript: callouts, a quotation and videos stay in the column, each video 16:9`, async () => {
        const s = await longTitleSite();
        const context = await newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js });
        try {
          const page = await context.newPage();
          // Nothing may leave for a video host, here or in any check: the page must not need them.
          await page.route(/youtube|youtu\.be|ytimg|vimeo/, (route) => route.abort());
          await open(page, s.url(`/${code}/pages/components/`));
          const m = await page.evaluate(() => {
            const body = document.querySelector('main .body');
            const boxes = (sel) => [...document.querySelectorAll(sel)].map((el) => {
              const r = el.getBoundingClientRect();
              return { width: r.width, height: r.height, left: r.left, right: r.right };
            });
            return {
              scrollWidth: document.documentElement.scrollWidth,
              clientWidth: document.documentElement.clientWidth,
              column: body ? body.getBoundingClientRect() : null,
              callouts: boxes('main .body .callout'),
              quotes: boxes('main .body figure.quote'),
              videos: boxes('main .body div.video[data-video-host]'),
              posters: boxes('main .body div.video[data-video-host] .video-poster:not([hidden])'),
              files: boxes('main .body .video-file video'),
            };
          });
          assert.ok(m.column, 'no .body on the page');
          const counts = { callouts: 5, quotes: 1, videos: 3, files: 1 };
          for (const [k, n] of Object.entries(counts)) {
            assert.equal(m[k].length, n, `${k}: expected ${n} on the page`);
            for (const b of m[k]) {
              assert.ok(b.left >= m.column.left - 0.5 && b.right <= m.column.right + 0.5,
                `${k}: [${b.left}..${b.right}] outside the column [${m.column.left}..${m.column.right}]`);
            }
          }
          for (const b of [...m.videos, ...m.files]) {
            assert.ok(Math.abs(b.height - (b.width * 9) / 16) <= 1, `a video is ${b.width} x ${b.height}, not 16:9`);
          }
          // The two players' posters fill their boxes (the author's own box is not one of ours).
          assert.ok(m.posters.length >= 2, `${m.posters.length} posters shown`);
          assert.ok(m.scrollWidth <= m.clientWidth, `the page is ${m.scrollWidth}px wide in a ${m.clientWidth}px window`);
        } finally {
          await context.close();
        }
      });
    }
  }
});

/** Runs in the page: what a phone shows of the header with the menu closed or open. */
function phoneHeader() {
  const visible = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  const header = document.querySelector('header.site-header');
  const summary = document.querySelector('header details.menu > summary');
  const links = [...document.querySelectorAll('nav.main-nav a')];
  return {
    header: header.getBoundingClientRect().height,
    summary: visible(summary),
    open: document.querySelector('header details.menu')?.open ?? null,
    linksShown: links.filter(visible).length,
    links: links.length,
    search: visible(document.querySelector('.site-search input')),
    switcher: [...document.querySelectorAll('nav.languages a')].filter(visible).length,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  };
}

/**
 * The menu button as Chromium gives it to screen readers: a <summary> is a disclosure button
 * (its own role, which Playwright's role queries do not know), with its expanded state.
 */
async function menuButton(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const found = nodes.filter((n) => n.role?.value === 'DisclosureTriangle' && n.name?.value === name);
    if (found.length !== 1) return { found: found.length };
    const prop = (k) => found[0].properties?.find((x) => x.name === k)?.value.value ?? false;
    return { expanded: prop('expanded'), focusable: prop('focusable') };
  } finally {
    await cdp.detach();
  }
}

const MENU = { he: 'תפריט', ar: 'القائمة', en: 'Menu' };

describe('the header on a 360 x 800 phone', () => {
  const cases = [
    // The example's titles take two lines: the header keeps to a quarter of the screen.
    { name: 'the example site', get: site, pages: ['', 'initiatives/municipal-mobility/'], most: 200 },
    // A 120-character title takes more lines; the rest of the header still fits beside it.
    { name: 'a site with a 120-character title', get: longTitleSite, pages: [''], most: 300 },
  ];
  for (const { name, get, pages, most } of cases) {
    for (const { code } of LANGS) {
      for (const javaScriptEnabled of [true, false]) {
        it(`${name}, ${code}${javaScriptEnabled ? '' : ', without JavaScript'}: at most ${most}px high; the navigation opens from the menu button by keyboard`, async () => {
          const s = await get();
          const context = await newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled });
          try {
            const page = await context.newPage();
            for (const rel of pages) {
              const p = `/${code}/${rel}`;
              await open(page, s.url(p));
              const closed = await page.evaluate(phoneHeader);
              assert.ok(closed.header <= most, `${p}: the header is ${closed.header}px high`);
              assert.ok(closed.search && closed.switcher >= 3, `${p}: the search box and the three languages stay in view`);
              assert.ok(closed.summary, `${p}: no menu button in view`);
              assert.equal(closed.linksShown, 0, `${p}: ${closed.linksShown} navigation link(s) shown before the menu is opened`);
              assert.deepEqual(await menuButton(page, MENU[code]), { expanded: false, focusable: true },
                `${p}: the accessibility tree has a collapsed, focusable menu button named "${MENU[code]}"`);
              await page.locator('header details.menu > summary').focus();
              await page.keyboard.press('Enter');
              const opened = await page.evaluate(phoneHeader);
              assert.equal(opened.open, true, `${p}: Enter on the menu button opens it`);
              assert.equal(opened.linksShown, opened.links, `${p}: ${opened.linksShown} of ${opened.links} navigation links shown when open`);
              assert.deepEqual(await menuButton(page, MENU[code]), { expanded: true, focusable: true },
                `${p}: the menu button says it is expanded`);
              await page.keyboard.press('Tab');
              const focused = await page.evaluate(() => document.activeElement?.closest('nav.main-nav') !== null);
              assert.ok(focused, `${p}: Tab after the menu button goes to the first navigation link`);
              assert.ok(opened.scrollWidth <= opened.clientWidth, `${p}: the open menu widens the page to ${opened.scrollWidth}px`);
            }
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

/**
 * Runs in the page: the boxes of `pieces` of `phrase` in the first element matching each of
 * `selectors` whose text holds the phrase, found with a Range over its text nodes.
 */
function piecesIn({ selectors, phrase, pieces }) {
  const out = [];
  for (const sel of selectors) {
    const el = [...document.querySelectorAll(sel)].find((e) => e.textContent.includes(phrase));
    if (!el) { out.push({ sel, missing: true }); continue; }
    const nodes = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let start = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start, end: start + n.data.length });
      start += n.data.length;
    }
    const text = el.textContent;
    const at = text.indexOf(phrase);
    const rects = {};
    for (const piece of pieces) {
      const i = text.indexOf(piece, at);
      const s = nodes.find((x) => i >= x.start && i < x.end);
      const e = nodes.find((x) => i + piece.length > x.start && i + piece.length <= x.end);
      const range = document.createRange();
      range.setStart(s.node, i - s.start);
      range.setEnd(e.node, i + piece.length - e.start);
      const r = range.getBoundingClientRect();
      rects[piece] = { left: r.left, right: r.right, top: r.top };
    }
    out.push({ sel, rects });
  }
  return out;
}

describe('a wholly Latin name on a Hebrew or Arabic page', () => {
  for (const code of ['he', 'ar']) {
    it(`/${code}/: "Tech Forward Ltd." reads left to right with its full stop at its end, in the heading, the breadcrumb and a search result`, async () => {
      const s = await longTitleSite();
      const context = await newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await open(page, s.url(`/${code}/partners/tech-forward/`));
        const found = await page.evaluate(piecesIn, {
          selectors: ['main h1', 'nav.breadcrumbs [aria-current]'],
          phrase: 'Tech Forward Ltd.',
          pieces: ['Tech', 'Ltd', '.'],
        });
        await open(page, s.url(`/${code}/search/?q=Tech`));
        await page.waitForFunction(() => document.querySelectorAll('main .search-result').length > 0);
        found.push(...await page.evaluate(piecesIn, {
          selectors: ['main .search-result-title a'],
          phrase: 'Tech Forward Ltd.',
          pieces: ['Tech', 'Ltd', '.'],
        }));
        for (const f of found) {
          assert.ok(!f.missing, `/${code}/: no ${f.sel} holding the name`);
          const r = f.rects;
          assert.ok(r.Tech.right <= r.Ltd.left + 0.5, `${f.sel}: "Tech" [${r.Tech.left}..${r.Tech.right}] should be left of "Ltd" [${r.Ltd.left}..${r.Ltd.right}]`);
          assert.ok(r.Ltd.right <= r['.'].left + 0.5, `${f.sel}: the full stop [${r['.'].left}..] should follow "Ltd" [..${r.Ltd.right}] on its right`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
