// Every internal href/src on the fixture's pages (served under its base path /kb/) answers
// 200, root-relative ("/kb/he/") and relative ("../sderot/", "photo.png") alike: a crawl from
// the home page plus every HTML file on disk, so unlinked pages (404.html) are read too. The
// example site, served at /, gets the same check.
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

/**
 * The href/src values of an HTML document that stay on the site: root-relative ("/kb/he/")
 * and relative ("../sderot/", "map.pdf"); not protocol-relative ("//host"), not with a scheme
 * ("https:", "mailto:", "tel:"), not a fragment alone ("#main").
 */
export function internalRefs(html) {
  const out = [];
  const re = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
  for (const m of html.matchAll(re)) {
    const v = unescapeAttr((m[2] ?? m[3] ?? m[4]).trim());
    if (v === '' || v.startsWith('#') || v.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(v)) continue;
    out.push(v);
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
  let relative = 0;
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
      for (const ref of internalRefs(res.body.toString('utf8'))) {
        refs++;
        if (!ref.startsWith('/')) relative++;
        const target = new URL(ref, url);
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
  return { pagesRead, refs, relative, urls: checked.size, broken };
}

/** Fail on unknown broken links; known ones make the test a TODO with the reason. */
function judge(t, r) {
  const known = r.broken.filter((b) => KNOWN_BROKEN_LINKS.some((k) => k.url.test(b.path)));
  const unknown = r.broken.filter((b) => !known.includes(b));
  assert.deepEqual(unknown.map((b) => b.text), [], 'broken internal references');
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
  it('relative references are read and resolved against their page', () => {
    const refs = internalRefs('<a href="../sderot/">x</a><img src="photo.png"><a href="#main">'
      + '<a href="https://x.org/">'
      + '<a href="mailto:a@b.c"><a href="//cdn.example/x.js"><link href="/kb/sulam.css"><a href="?town=a&amp;status=b">');
    assert.deepEqual(refs, ['../sderot/', 'photo.png', '/kb/sulam.css', '?town=a&status=b']);
    assert.equal(new URL('../sderot/', 'http://h/kb/en/towns/ofakim/').pathname, '/kb/en/towns/sderot/');
  });

  it('fixture under /kb/: every internal href and src answers 200', async (t) => {
    const f = await fixture();
    const r = await crawl(f);
    t.diagnostic(`${r.pagesRead} pages read, ${r.refs} internal references (${r.relative} relative), ${r.urls} distinct URLs`);
    assert.ok(r.pagesRead > 10, `only ${r.pagesRead} page(s) read`);
    assert.ok(r.relative > 0, 'no relative reference was read: the search pages have some');
    judge(t, r);
  });

  it('example site under /: every internal href and src answers 200', async (t) => {
    const s = await site();
    const r = await crawl(s);
    t.diagnostic(`${r.pagesRead} pages read, ${r.refs} internal references (${r.relative} relative), ${r.urls} distinct URLs`);
    assert.ok(r.pagesRead > 100, `only ${r.pagesRead} page(s) read`);
    judge(t, r);
  });
});
