// The town map on the example site, as a reader sees it: on the towns list and on a network's
// page, in Hebrew, Arabic and English, on a 1280-px screen and a 360-px phone, no two towns'
// names overlap, every name is inside the map, and the land is drawn under the dots (and is
// decoration: aria-hidden). Names are dark enough against the land and the sea (WCAG AA, 4.5:1)
// in the light and the dark scheme. Stated on the boxes Chromium lays out, not on one font's
// widths.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { site, newContext, open } from '../lib/harness.mjs';

const PAGES = ['towns/', 'networks/town-at-the-centre-network/'];
const LANGS = ['he', 'ar', 'en'];
const WIDTHS = [1280, 360];
const MIN_TEXT_CONTRAST = 4.5;

/** Runs in the page: the map's boxes (client pixels) and colours. */
function mapState() {
  const svg = document.querySelector('figure.town-map svg.map');
  if (!svg) return null;
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const land = svg.querySelector('.map-land');
  const firstTown = svg.querySelector('.map-town');
  const rgb = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    return m ? m[1].split(/[ ,/]+/).filter(Boolean).slice(0, 3).map(Number) : null;
  };
  const fill = (el) => (el ? rgb(getComputedStyle(el).fill) : null);
  return {
    svg: box(svg),
    labels: [...svg.querySelectorAll('.map-town text')].map((t) => ({ text: t.textContent, ...box(t) })),
    dots: [...svg.querySelectorAll('.map-town .dot')].map((d) => {
      const r = d.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    }),
    land: land && {
      tag: land.tagName.toLowerCase(),
      hidden: land.getAttribute('aria-hidden') ?? land.closest('[aria-hidden]')?.getAttribute('aria-hidden'),
      d: (land.getAttribute('d') ?? '').length,
      beforeTowns: !!firstTown && !!(land.compareDocumentPosition(firstTown) & Node.DOCUMENT_POSITION_FOLLOWING),
      box: box(land),
    },
    colours: {
      label: fill(svg.querySelector('.map-town .label')),
      land: fill(land),
      sea: fill(svg.querySelector('.map-frame')),
    },
  };
}

function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [l1, l2] = [lum(a), lum(b)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

const fmt = (r) => `[${r.left.toFixed(1)}..${r.right.toFixed(1)} × ${r.top.toFixed(1)}..${r.bottom.toFixed(1)}]`;

/** Pairs of labels whose boxes intersect (by more than rounding). */
function collisions(labels) {
  const out = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.1 && h > 0.1) out.push(`"${a.text}" ${fmt(a)} and "${b.text}" ${fmt(b)}`);
    }
  }
  return out;
}

for (const width of WIDTHS) {
  describe(`the town map at ${width}px`, () => {
    let context;
    let page;
    before(async () => {
      context = await newContext({ viewport: { width, height: 900 } });
      page = await context.newPage();
    });
    after(() => context?.close());

    for (const lang of LANGS) {
      for (const rel of PAGES) {
        const p = `/${lang}/${rel}`;
        it(`${p}: no two names overlap, every name inside the map`, async () => {
          const s = await site();
          await open(page, s.url(p));
          const m = await page.evaluate(mapState);
          assert.ok(m, `${p} has no town map`);
          assert.ok(m.labels.length >= 8, `${p}: only ${m.labels.length} names on the map`);
          const clash = collisions(m.labels);
          assert.deepEqual(clash, [], `${p} at ${width}px: names overlap:\n  ${clash.join('\n  ')}`);
          for (const l of m.labels) {
            assert.ok(l.left >= m.svg.left - 0.5 && l.right <= m.svg.right + 0.5 && l.top >= m.svg.top - 0.5 && l.bottom <= m.svg.bottom + 0.5,
              `${p} at ${width}px: "${l.text}" ${fmt(l)} is not inside the map ${fmt(m.svg)}`);
          }
        });
        it(`${p}: land drawn under the dots, hidden from screen readers`, async () => {
          const s = await site();
          await open(page, s.url(p));
          const m = await page.evaluate(mapState);
          assert.ok(m, `${p} has no town map`);
          assert.ok(m.land, `${p}: no land (.map-land) under the towns`);
          assert.equal(m.land.tag, 'path', `${p}: the land is a <${m.land.tag}>, not a path`);
          assert.ok(m.land.d > 20, `${p}: the land's path is empty`);
          assert.equal(m.land.hidden, 'true', `${p}: the land is decoration and should be aria-hidden`);
          assert.ok(m.land.beforeTowns, `${p}: the land is drawn after (over) the towns`);
        });
      }
    }
  });
}

for (const colorScheme of ['light', 'dark']) {
  describe(`the town map's colours, ${colorScheme} scheme`, () => {
    let context;
    let page;
    before(async () => {
      context = await newContext({ colorScheme });
      page = await context.newPage();
    });
    after(() => context?.close());

    it(`names stand out from land and sea (at least ${MIN_TEXT_CONTRAST}:1), land differs from sea`, async () => {
      const s = await site();
      await open(page, s.url('/en/towns/'));
      const m = await page.evaluate(mapState);
      const { label, land, sea } = m.colours;
      assert.ok(label && land && sea, `colours not found: ${JSON.stringify(m.colours)}`);
      for (const [name, bg] of [['land', land], ['sea', sea]]) {
        const c = contrast(label, bg);
        assert.ok(c >= MIN_TEXT_CONTRAST, `names rgb(${label}) on the ${name} rgb(${bg}): ${c.toFixed(2)}:1`);
      }
      assert.notDeepEqual(land, sea, 'land and sea have the same colour');
    });
  });
}
