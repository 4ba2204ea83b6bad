// Charts (```chart blocks, docs/charts.md) on a 360-px phone, in Hebrew, Arabic and English,
// on the page of charts that run.sh adds to the long-title site (chart-page/): the page never
// scrolls sideways; the longest bar starts at the chart's right edge in he and ar and at its
// left edge in en, and columns stand in reading order; bars reach 3:1 and text 4.5:1 against
// the page in the light and the dark scheme; screen readers get the table and not the
// picture, and the table is no stop for the keyboard; in print the bars are grey.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { longTitleSite, newContext, open } from '../lib/harness.mjs';

const LANGS = [
  { code: 'he', rtl: true },
  { code: 'ar', rtl: true },
  { code: 'en', rtl: false },
];
const PHONE = { width: 360, height: 740 };

/** Runs in the page: the page's width, and each chart's box, bars, colours and table. */
function measureCharts() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, width: r.width, height: r.height };
  };
  const rgb = (s) => (s.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  let bg = document.body;
  while (bg && getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    background: rgb(getComputedStyle(bg || document.documentElement).backgroundColor),
    charts: [...document.querySelectorAll('main figure.chart')].map((fig) => {
      const svg = fig.querySelector('svg');
      const table = fig.querySelector('table');
      const hiddenBox = fig.querySelector('.chart-data');
      const bars = [...fig.querySelectorAll('rect.chart-bar')];
      const texts = [...fig.querySelectorAll('text')];
      return {
        kind: fig.classList.contains('chart-column') ? 'column' : 'bar',
        svg: box(svg),
        svgHidden: svg.getAttribute('aria-hidden'),
        bars: bars.map(box),
        barFill: rgb(getComputedStyle(bars[0]).fill),
        textFills: [...new Set(texts.map((t) => getComputedStyle(t).fill))].map(rgb),
        texts: texts.map(box),
        table: table && {
          box: box(hiddenBox),
          rows: table.querySelectorAll('tbody tr').length,
          overflowX: [getComputedStyle(table).overflowX, getComputedStyle(hiddenBox).overflowX],
          hidden: table.closest('[aria-hidden="true"]') !== null || getComputedStyle(table).display === 'none',
        },
        focusable: fig.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length,
      };
    }),
  };
}

/** WCAG's contrast ratio of two sRGB colours given as [r, g, b] from 0 to 255. */
function contrast(a, b) {
  const lum = ([r, g, bl]) => {
    const c = [r, g, bl].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const span = (x) => `[${x.left.toFixed(1)}..${x.right.toFixed(1)}]`;

describe('charts on a 360px phone', () => {
  for (const { code, rtl } of LANGS) {
    it(`/${code}/pages/charts/: no sideways scrolling, bars from the ${rtl ? 'right' : 'left'}, columns in reading order`, async () => {
      const s = await longTitleSite();
      const context = await newContext({ viewport: PHONE });
      try {
        const page = await context.newPage();
        await open(page, s.url(`/${code}/pages/charts/`));
        const m = await page.evaluate(measureCharts);
        assert.ok(m.scrollWidth <= m.clientWidth, `the page is ${m.scrollWidth}px wide in a ${m.clientWidth}px window`);
        assert.deepEqual(m.charts.map((c) => c.kind), ['bar', 'column'], 'a bar chart, then a column chart');
        for (const c of m.charts) {
          assert.ok(c.svg.left >= 0 && c.svg.right <= m.clientWidth + 0.5, `the ${c.kind} chart ${span(c.svg)} is inside the window`);
          for (const t of c.texts) {
            assert.ok(t.left >= -0.5 && t.right <= m.clientWidth + 0.5, `a text of the ${c.kind} chart ${span(t)} sticks out of the window`);
          }
        }
        const [bar, column] = m.charts;
        assert.equal(bar.bars.length, 3, 'three bars');
        const longest = bar.bars.reduce((a, b) => (b.width > a.width ? b : a));
        const [startEdge, barStart, endEdge, barEnd] = rtl
          ? [bar.svg.right, longest.right, bar.svg.left, longest.left]
          : [bar.svg.left, longest.left, bar.svg.right, longest.right];
        assert.ok(Math.abs(barStart - startEdge) < 1,
          `the longest bar ${span(longest)} should start at the chart's ${rtl ? 'right' : 'left'} edge (${startEdge.toFixed(1)})`);
        assert.ok(Math.abs(barEnd - endEdge) > 10,
          `the longest bar ${span(longest)} should leave room at the chart's ${rtl ? 'left' : 'right'} edge for its value`);
        for (const b of bar.bars) {
          const start = rtl ? b.right : b.left;
          assert.ok(Math.abs(start - startEdge) < 1, `every bar starts at the inline start: ${span(b)}`);
        }
        // The CSV's first row is the first column: at the right in he and ar, at the left in en.
        assert.equal(column.bars.length, 6, 'six columns, one per row of budget.csv');
        const centres = column.bars.map((b) => b.left + b.width / 2);
        const inOrder = centres.every((x, i) => i === 0 || (rtl ? x < centres[i - 1] : x > centres[i - 1]));
        assert.ok(inOrder, `columns should run ${rtl ? 'right to left' : 'left to right'}: ${centres.map((x) => x.toFixed(0)).join(', ')}`);
      } finally {
        await context.close();
      }
    });
  }

  it('screen readers get the table, not the picture, and the keyboard meets neither', async () => {
    const s = await longTitleSite();
    const context = await newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      for (const { code } of LANGS) {
        await open(page, s.url(`/${code}/pages/charts/`));
        const m = await page.evaluate(measureCharts);
        for (const c of m.charts) {
          assert.equal(c.svgHidden, 'true', `${code}: the ${c.kind} chart's SVG is hidden from screen readers`);
          assert.ok(c.table, `${code}: the ${c.kind} chart has a table`);
          assert.equal(c.table.hidden, false, `${code}: the table is there for screen readers`);
          assert.equal(c.table.rows, c.bars.length, `${code}: a row of the table per bar`);
          assert.ok(c.table.box.width <= 1 && c.table.box.height <= 1, `${code}: the table is not shown on screen (${c.table.box.width}x${c.table.box.height})`);
          assert.ok(!c.table.overflowX.includes('auto') && !c.table.overflowX.includes('scroll'),
            `${code}: the hidden table is no scroll box (which Chromium would make a keyboard stop): ${c.table.overflowX}`);
          assert.equal(c.focusable, 0, `${code}: nothing in the chart takes the focus`);
        }
        // Tab from the top of main never lands inside a chart.
        await page.focus('main');
        for (let i = 0; i < 6; i++) {
          await page.keyboard.press('Tab');
          const inChart = await page.evaluate(() => !!document.activeElement?.closest('figure.chart'));
          assert.equal(inChart, false, `${code}: Tab stopped inside a chart`);
        }
      }
    } finally {
      await context.close();
    }
  });

  for (const scheme of ['light', 'dark']) {
    it(`bars reach 3:1 and words 4.5:1 against the page in the ${scheme} scheme`, async () => {
      const s = await longTitleSite();
      const context = await newContext({ viewport: PHONE, colorScheme: scheme });
      try {
        const page = await context.newPage();
        await open(page, s.url('/he/pages/charts/'));
        const m = await page.evaluate(measureCharts);
        for (const c of m.charts) {
          const bars = contrast(c.barFill, m.background);
          assert.ok(bars >= 3, `${scheme}: the ${c.kind} chart's bars ${c.barFill} on ${m.background}: ${bars.toFixed(2)}:1`);
          for (const fill of c.textFills) {
            const ratio = contrast(fill, m.background);
            assert.ok(ratio >= 4.5, `${scheme}: the ${c.kind} chart's text ${fill} on ${m.background}: ${ratio.toFixed(2)}:1`);
          }
        }
      } finally {
        await context.close();
      }
    });
  }

  it('prints the bars in grey and the words in black', async () => {
    const s = await longTitleSite();
    const context = await newContext({ viewport: PHONE, colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await open(page, s.url('/ar/pages/charts/'));
      await page.emulateMedia({ media: 'print' });
      const m = await page.evaluate(measureCharts);
      for (const c of m.charts) {
        const [r, g, b] = c.barFill;
        assert.ok(r === g && g === b && r > 40 && r < 200, `the ${c.kind} chart's bars print grey, not ${c.barFill}`);
        assert.deepEqual(c.textFills, [[0, 0, 0]], `the ${c.kind} chart's words print black`);
      }
    } finally {
      await context.close();
    }
  });
});
