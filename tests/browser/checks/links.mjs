// Every root-relative href/src on the fixture's pages (served under its base path /kb/)
// answers 200: a crawl from the home page plus every HTML file on disk, so unlinked pages
// (404.html) are read too. The example site, served at /, gets the same check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { site, fixture, listPages, failingKnown } from '../lib/harness.mjs';
import { KNOWN_BROKEN_LINKS } from './known-issues.mjs';

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] || '', body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeAttr(v) {
  return v.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Root-relative href/src values in an HTML document (not protocol-relative "//host"). */
export function rootRelativeRefs(html) {
  const out = [];
  const re = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
  for (const m of html.matchAll(re)) {
    const v = unescapeAttr((m[2] ?? m[3] ?? m[4]).trim());
    if (v.startsWith('/') && !v.startsWith('//')) out.push(v);
  }
  return out;
}

async function crawl(server) {
  const pageUrls = new Set([server.url('/')]);
  for (const p of await listPages(server.root)) pageUrls.add(server.url(p));
  const queue = [...pageUrls];
  const checked = new Map(); // url without fragment -> status
  const referrers = new Map(); // url -> first page that links to it
  const broken = [];
  let pagesRead = 0;
  let refs = 0;
  while (queue.length) {
    const batch = queue.splice(0, 8);
    await Promise.all(batch.map(async (url) => {
      const res = await get(url);
      checked.set(url, res.status);
      if (res.status !== 200) {
        const path = url.slice(server.origin.length);
        broken.push({ path, text: `${path} answered ${res.status} (linked from ${referrers.get(url) ?? 'the page list'})` });
        return;
      }
      if (!res.type.startsWith('text/html')) return;
      pagesRead++;
      const from = url.slice(server.origin.length);
      for (const ref of rootRelativeRefs(res.body.toString('utf8'))) {
        refs++;
        const target = new URL(ref, server.origin);
        target.hash = '';
        const abs = target.href;
        if (!referrers.has(abs)) referrers.set(abs, `${from} as "${ref}"`);
        if (!checked.has(abs) && !queue.includes(abs) && !batch.includes(abs)) {
          checked.set(abs, null);
          queue.push(abs);
        }
      }
    }));
  }
  broken.sort((a, b) => a.path.localeCompare(b.path));
  return { pagesRead, refs, urls: checked.size, broken };
}

/** Fail on unknown broken links; known ones make the test a TODO with the reason. */
function judge(t, r) {
  const known = r.broken.filter((b) => KNOWN_BROKEN_LINKS.some((k) => k.url.test(b.path)));
  const unknown = r.broken.filter((b) => !known.includes(b));
  assert.deepEqual(unknown.map((b) => b.text), [], 'broken root-relative references');
  for (const k of KNOWN_BROKEN_LINKS) {
    if (!r.broken.some((b) => k.url.test(b.path))) t.diagnostic(`known-issues.mjs entry ${k.url} matched nothing here`);
  }
  if (known.length) {
    const why = [...new Set(known.map((b) => KNOWN_BROKEN_LINKS.find((k) => k.url.test(b.path)).why))];
    failingKnown(t, `${known.length} broken link(s) from the templates`,
      why.map((w) => `  ${w}`).join('\n') + '\n' + known.map((b) => `    ${b.text}`).join('\n'));
  }
}

describe('internal links', () => {
  it('fixture under /kb/: every root-relative href and src answers 200', async (t) => {
    const f = await fixture();
    const r = await crawl(f);
    t.diagnostic(`${r.pagesRead} pages read, ${r.refs} root-relative references, ${r.urls} distinct URLs`);
    assert.ok(r.pagesRead > 10, `only ${r.pagesRead} page(s) read`);
    judge(t, r);
  });

  it('example site under /: every root-relative href and src answers 200', async (t) => {
    const s = await site();
    const r = await crawl(s);
    t.diagnostic(`${r.pagesRead} pages read, ${r.refs} root-relative references, ${r.urls} distinct URLs`);
    assert.ok(r.pagesRead > 100, `only ${r.pagesRead} page(s) read`);
    judge(t, r);
  });
});
