// Every HTML page of the example site and of the basic fixture (served under /kb/), in one
// sweep with two tabs of one browser context: axe-core (WCAG 2.0/2.1 A and AA, and axe's best
// practices) in the light and in the dark colour scheme, and no horizontal scrolling at 360
// CSS pixels. One load per page serves all three checks. What axe cannot decide fails too,
// unless a person reviewed it and wrote down why it passes (REVIEWED below).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HERE, site, fixture, newContext, listPages, mapLimit, open, failingKnown } from '../lib/harness.mjs';
import { KNOWN_TEMPLATE_ISSUES, REVIEWED, isReviewed } from './known-issues.mjs';

const AXE_SOURCE = fs.readFileSync(path.join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'];
const CONCURRENCY = Number(process.env.SULAM_BROWSER_CONCURRENCY || 2);
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 360, height: 740 };


/** Runs in the page: axe over the whole document: violations, and every node it could not decide. */
async function runAxe({ tags, scheme }) {
  if (!window.axe) throw new Error('axe-core is not in the page');
  if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) throw new Error(`the page is not in the ${scheme} scheme`);
  const r = await window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations', 'incomplete'],
  });
  const incomplete = r.incomplete.map((v) => ({
    rule: v.id,
    nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
  const violations = r.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      html: n.html.length > 160 ? n.html.slice(0, 157) + '...' : n.html,
      summary: (n.failureSummary || '').split('\n').slice(1).join(' ').trim(),
    })),
  }));
  return { violations, incomplete };
}

/** Runs in the page: horizontal overflow and the elements that stick out. */
function measureOverflow() {
  const de = document.documentElement;
  const width = de.clientWidth;
  const culprits = [];
  if (de.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        // Name only the outermost offenders.
        if (culprits.some((c) => c.el.contains(el))) continue;
        const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
          (el.classList.length ? '.' + [...el.classList].join('.') : '');
        culprits.push({ el, name, left: Math.round(r.left), right: Math.round(r.right) });
      }
    }
  }
  return {
    scrollWidth: de.scrollWidth,
    clientWidth: width,
    culprits: culprits.slice(0, 5).map(({ name, left, right }) => `${name} [${left}..${right}]`),
  };
}

function isKnown(v, pagePath) {
  return KNOWN_TEMPLATE_ISSUES.find((k) => k.rule === v.rule && (!k.page || k.page.test(pagePath)) &&
    v.nodes.every((n) => !k.target || k.target.test(n.target)));
}

function formatViolations(list) {
  // Group by rule, then list pages and nodes; long lists are cut so the message stays readable.
  const byRule = new Map();
  for (const f of list) {
    if (!byRule.has(f.rule)) byRule.set(f.rule, []);
    byRule.get(f.rule).push(f);
  }
  const lines = [];
  for (const [rule, items] of byRule) {
    const pages = new Set(items.map((f) => f.page));
    lines.push(`${rule} (${items[0].impact}): ${items[0].help} — ${pages.size} page(s)`);
    for (const f of items.slice(0, 12)) {
      lines.push(`  ${f.page} [${f.scheme}]`);
      for (const n of f.nodes.slice(0, 4)) {
        lines.push(`    ${n.target}  ${n.html}`);
        if (n.summary) lines.push(`      ${n.summary}`);
      }
      if (f.nodes.length > 4) lines.push(`    ... and ${f.nodes.length - 4} more node(s)`);
    }
    if (items.length > 12) lines.push(`  ... and ${items.length - 12} more page/scheme pair(s)`);
  }
  return lines.join('\n');
}

describe('every page of the example site and the /kb/ fixture', () => {
  let pages = []; // [{ s, p, key }]: the served site, the page's path, how a finding names it
  const axeFindings = []; // { page, scheme, rule, impact, help, nodes }
  const axeIncomplete = []; // { page, scheme, rule, nodes }: what axe could not decide
  const overflow = []; // { page, scrollWidth, clientWidth, culprits }
  let sweepError = null;

  // The old addresses of renamed entries (aliases:) send the reader on at once: the page the
  // sweep would check is the one they lead to. Kept here to check that it exists.
  const redirects = []; // { s, p, target }

  before(async () => {
    for (const [get, label] of [[site, ''], [fixture, 'fixture ']]) {
      const s = await get();
      for (const p of await listPages(s.root)) {
        const file = path.join(s.root, p.endsWith('/') ? `${p}index.html` : p);
        const refresh = fs.readFileSync(file, 'utf8').match(/<meta http-equiv="refresh" content="0; url=([^"]+)">/);
        if (refresh) redirects.push({ s, p: label + p, target: refresh[1] });
        else pages.push({ s, p, key: label + p });
      }
    }
    // SULAM_PAGE_FILTER=<RegExp> narrows the sweep while working on a problem (never in the gate).
    if (process.env.SULAM_PAGE_FILTER) {
      const only = new RegExp(process.env.SULAM_PAGE_FILTER);
      pages = pages.filter(({ key }) => only.test(key));
      console.log(`# SULAM_PAGE_FILTER=${only.source}: ${pages.length} page(s) only`);
    }
    const context = await newContext({ viewport: WIDE });
    await context.addInitScript({ content: AXE_SOURCE });
    const tabs = await Promise.all(Array.from({ length: CONCURRENCY }, () => context.newPage()));
    const started = Date.now();
    const timing = { load: 0, light: 0, dark: 0, narrow: 0 };
    try {
      await mapLimit(pages, CONCURRENCY, async ({ s, p, key }, lane) => {
        const page = tabs[lane];
        await page.setViewportSize(WIDE);
        await page.emulateMedia({ colorScheme: 'light' });
        let t0 = Date.now();
        await open(page, s.url(p));
        timing.load += Date.now() - t0;
        for (const scheme of SCHEMES) {
          await page.emulateMedia({ colorScheme: scheme });
          t0 = Date.now();
          const { violations, incomplete } = await page.evaluate(runAxe, { tags: AXE_TAGS, scheme });
          timing[scheme] += Date.now() - t0;
          for (const v of violations) axeFindings.push({ page: key, scheme, ...v });
          for (const v of incomplete) axeIncomplete.push({ page: key, scheme, ...v });
        }
        t0 = Date.now();
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize(NARROW);
        const m = await page.evaluate(measureOverflow);
        timing.narrow += Date.now() - t0;
        if (m.scrollWidth > m.clientWidth) overflow.push({ page: key, ...m });
      });
    } catch (err) {
      sweepError = err;
    } finally {
      await context.close();
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`# swept ${pages.length} pages of the example site and the fixture (axe in ${SCHEMES.join(' and ')}, 360px overflow) in ${secs}s` +
      ` (summed over tabs: load ${(timing.load / 1000).toFixed(1)}s, axe light ${(timing.light / 1000).toFixed(1)}s,` +
      ` axe dark ${(timing.dark / 1000).toFixed(1)}s, 360px ${(timing.narrow / 1000).toFixed(1)}s)`);
  });

  for (const scheme of SCHEMES) {
    it(`axe-core finds no WCAG 2.1 A/AA or best-practice violation, and nothing undecided, in the ${scheme} colour scheme`, (t) => {
      if (sweepError) throw sweepError;
      assert.ok(pages.length > 0, 'no pages found');
      const mine = axeFindings.filter((f) => f.scheme === scheme);
      const unknown = mine.filter((f) => !isKnown(f, f.page));
      const known = mine.filter((f) => isKnown(f, f.page));
      t.diagnostic(`${pages.length} pages checked, ${mine.length} violation(s) (${known.length} known from templates)`);
      const undecided = axeIncomplete.filter((f) => f.scheme === scheme);
      const reviewed = undecided.filter((f) => f.nodes.every((n) => isReviewed(f.rule, n)));
      for (const r of REVIEWED) {
        const n = reviewed.filter((f) => f.rule === r.rule).length;
        t.diagnostic(`axe could not decide "${r.rule}" on ${n} page(s), reviewed: ${r.why}`);
      }
      const open = undecided.filter((f) => !reviewed.includes(f));
      if (open.length) {
        const byRule = new Map();
        for (const f of open) byRule.set(f.rule, [...(byRule.get(f.rule) || []), `${f.page} ${f.nodes.filter((n) => !isReviewed(f.rule, n)).slice(0, 3).join(', ')}`]);
        assert.fail(`axe could not decide these in the ${scheme} scheme; review them and fix the page, or add an entry with the reason to REVIEWED:\n` +
          [...byRule].map(([rule, where]) => `${rule} on ${where.length} page(s): ${where.slice(0, 5).join('; ')}`).join('\n'));
      }
      for (const k of KNOWN_TEMPLATE_ISSUES) {
        if (!mine.some((f) => isKnown(f, f.page) === k)) t.diagnostic(`known-issues.mjs entry ${k.rule} matched nothing in the ${scheme} scheme`);
      }
      if (unknown.length) {
        assert.fail(`axe-core violations (${scheme} scheme):\n${formatViolations(unknown)}`);
      }
      if (known.length) {
        const reasons = [...new Set(known.map((f) => isKnown(f, f.page).why))];
        failingKnown(t, `${known.length} violation(s) from template markup, not fixable in sulam.css`,
          reasons.map((w) => `  ${w}`).join('\n') + '\n' + formatViolations(known));
      }
    });
  }

  it('every old address of a renamed entry leads to a page of the site', async () => {
    assert.ok(redirects.length > 0, 'the example site keeps an old address (aliases:)');
    for (const { s, p, target } of redirects) {
      const rel = target.startsWith(s.base) ? `/${target.slice(s.base.length)}` : target;
      const file = path.join(s.root, rel.endsWith('/') ? `${rel}index.html` : rel);
      assert.ok(fs.existsSync(file), `${p} sends the reader to ${target}, which is not a page`);
    }
  });

  it('no page scrolls sideways at 360 CSS pixels wide', (t) => {
    if (sweepError) throw sweepError;
    t.diagnostic(`${pages.length} pages checked`);
    assert.deepEqual(
      overflow.map((o) => `${o.page}: scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}; ${o.culprits.join(', ')}`),
      [],
      'pages wider than a 360px screen',
    );
  });
});
