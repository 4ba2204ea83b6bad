// Keyboard use on a Hebrew, an Arabic and an English page: the skip link comes first and shows itself,
// takes the reader to #main, and the language switcher is reachable with a visible focus ring.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { site, newContext, open } from '../lib/harness.mjs';

const PAGES = ['he', 'ar', 'en'].map((l) => `/${l}/initiatives/municipal-mobility/`);
const VIEWPORT = { width: 1280, height: 800 };
const MIN_RING_CONTRAST = 3; // WCAG 1.4.11 non-text contrast, for the focus ring against what is around it

/** Runs in the page: what has focus and how its focus ring looks. */
function focusState() {
  const a = document.activeElement;
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, alpha = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, alpha };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The ring is drawn outside the element (outline-offset), so it sits on the parent's background.
  let bg = null;
  for (let el = a.parentElement; el; el = el.parentElement) {
    const c = parse(getComputedStyle(el).backgroundColor);
    if (c && c.alpha > 0) { bg = c; break; }
  }
  bg ??= parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255, alpha: 1 };
  const cs = getComputedStyle(a);
  const ring = parse(cs.outlineColor);
  const l1 = ring ? lum(ring) : 0;
  const l2 = lum(bg);
  const r = a.getBoundingClientRect();
  return {
    html: a.outerHTML.length > 120 ? a.outerHTML.slice(0, 117) + '...' : a.outerHTML,
    tag: a.tagName.toLowerCase(),
    id: a.id,
    isSkip: a.matches('a.skip-link'),
    inLanguages: a.matches('nav.languages a'),
    href: a.getAttribute('href'),
    hreflang: a.getAttribute('hreflang'),
    focusVisible: a.matches(':focus-visible'),
    outlineStyle: cs.outlineStyle,
    outlineWidth: parseFloat(cs.outlineWidth),
    outlineColor: cs.outlineColor,
    ringContrast: ring && ring.alpha > 0 ? (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) : 0,
    box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport: { width: document.documentElement.clientWidth, height: innerHeight },
  };
}

function assertVisibleRing(f, what) {
  assert.ok(f.focusVisible, `${what} does not match :focus-visible: ${f.html}`);
  assert.notEqual(f.outlineStyle, 'none', `${what} has no focus outline: ${f.html}`);
  assert.ok(f.outlineWidth >= 2, `${what} focus outline is ${f.outlineWidth}px wide: ${f.html}`);
  assert.ok(f.ringContrast >= MIN_RING_CONTRAST,
    `${what} focus outline ${f.outlineColor} has contrast ${f.ringContrast.toFixed(2)}:1 against its background, below ${MIN_RING_CONTRAST}:1: ${f.html}`);
}

function assertInViewport(f, what) {
  const { box: b, viewport: v } = f;
  assert.ok(b.width > 0 && b.height > 0, `${what} has no size: ${JSON.stringify(b)}`);
  assert.ok(b.left >= 0 && b.top >= 0 && b.right <= v.width && b.bottom <= v.height,
    `${what} is not inside the ${v.width}x${v.height} viewport: ${JSON.stringify(b)}`);
}

describe('keyboard', () => {
  let context;
  before(async () => {
    context = await newContext({ viewport: VIEWPORT });
  });
  after(() => context?.close());

  for (const p of PAGES) {
    describe(p, () => {
      it('the first Tab shows the skip link, and Enter moves to #main', async () => {
        const s = await site();
        const page = await context.newPage();
        try {
          await open(page, s.url(p));
          await page.keyboard.press('Tab');
          const f = await page.evaluate(focusState);
          assert.ok(f.isSkip, `the first Tab focused ${f.html}, not a.skip-link`);
          assert.equal(f.href, '#main');
          assertInViewport(f, 'the focused skip link');
          assertVisibleRing(f, 'the skip link');

          await page.keyboard.press('Enter');
          await page.waitForFunction(() => location.hash === '#main');
          const after = await page.evaluate(() => ({
            active: document.activeElement?.id,
            mainTop: document.getElementById('main').getBoundingClientRect().top,
          }));
          assert.equal(after.active, 'main', 'after Enter on the skip link, focus should be on #main');
          assert.ok(Math.abs(after.mainTop) < 2, `#main should be scrolled to the top of the viewport, its top is at ${after.mainTop}`);
          // The next Tab goes on from main, not from the top of the page.
          await page.keyboard.press('Tab');
          const next = await page.evaluate(() => document.activeElement.closest('main') !== null);
          assert.ok(next, 'the Tab after the skip link should land inside main');
        } finally {
          await page.close();
        }
      });

      it('every language switcher link is reachable by Tab with a visible focus ring, light and dark', async () => {
        const s = await site();
        const page = await context.newPage();
        try {
          await open(page, s.url(p));
          const wanted = await page.$$eval('nav.languages a', (as) => as.map((a) => a.getAttribute('hreflang')));
          assert.ok(wanted.length >= 2, `nav.languages has ${wanted.length} link(s)`);
          const seen = new Map();
          for (let i = 0; i < 30 && seen.size < wanted.length; i++) {
            await page.keyboard.press('Tab');
            const f = await page.evaluate(focusState);
            if (!f.inLanguages) continue;
            assertInViewport(f, `language link ${f.hreflang}`);
            assertVisibleRing(f, `language link ${f.hreflang} (light)`);
            await page.emulateMedia({ colorScheme: 'dark' });
            assertVisibleRing(await page.evaluate(focusState), `language link ${f.hreflang} (dark)`);
            await page.emulateMedia({ colorScheme: 'light' });
            seen.set(f.hreflang, i + 1);
          }
          assert.deepEqual([...seen.keys()], wanted, 'language links reached by Tab, in order');
        } finally {
          await page.close();
        }
      });
    });
  }
});
