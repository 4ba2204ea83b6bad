// Every picture an author described keeps its description, in every script. The Nu checker and
// axe both accept alt="", so the gate once passed while Hebrew and Arabic alt text was being
// dropped; this check reads the Markdown the pages were built from and compares the words.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HERE, site, longTitleSite, newContext, open } from '../lib/harness.mjs';

const REPO = path.dirname(path.dirname(HERE));
const IMAGE = /!\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** The described pictures of the Markdown files under `dir`: [{ file, page, src, alt }]. */
function described(dir, pageOf) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^[a-z]{2}\.md$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        for (const [, alt, src] of text.matchAll(IMAGE)) {
          const words = alt.replace(/\\(.)/g, '$1').trim();
          if (words) found.push({ file: path.relative(REPO, p), page: pageOf(p), src, alt: words });
        }
      }
    }
  };
  walk(dir);
  return found;
}

/** content/<collection>/<id>/<lang>.md is published at /<lang>/<collection>/<id>/. */
function contentPage(file) {
  const [collection, id, name] = file.split(path.sep).slice(-3);
  const lang = name.slice(0, 2);
  return collection === 'pages' && id === 'home' ? `/${lang}/` : `/${lang}/${collection}/${id}/`;
}

const SOURCES = [
  { name: 'the example site', get: site, pictures: () => described(path.join(REPO, 'content'), contentPage) },
  // The page of wide media, copied by run.sh into the long-title site as pages/media.
  {
    name: 'the page of media',
    get: longTitleSite,
    pictures: () => described(path.join(HERE, 'media-page'), (f) => `/${path.basename(f, '.md')}/pages/media/`),
  },
];

describe('pictures keep the words that describe them', () => {
  for (const { name, get, pictures } of SOURCES) {
    it(`${name}: every ![description](picture) of the Markdown has that alt on its page`, async () => {
      const s = await get();
      const all = pictures();
      if (name === 'the page of media') assert.equal(all.length, 3, 'the media page describes a picture in he, ar and en');
      const context = await newContext();
      try {
        const page = await context.newPage();
        for (const p of all) {
          await open(page, s.url(p.page));
          // The <img> loads the file, or (a JPEG or PNG) its largest version, `<name>.<width>.<ext>`.
          const alts = await page.evaluate((src) => {
            const stem = src.replace(/\.[^./]+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            const version = new RegExp(`/${stem}\\.\\d+\\.(jpg|png)$`);
            return [...document.querySelectorAll('main img')]
              .filter((img) => {
                const s = img.getAttribute('src') || '';
                return s === src || s.endsWith('/' + src) || version.test(s);
              })
              .map((img) => img.getAttribute('alt'));
          }, p.src);
          assert.ok(alts.length > 0, `${p.file}: no <img> of ${p.src} on ${p.page}`);
          for (const alt of alts) {
            assert.equal(alt?.trim(), p.alt, `${p.file}: the picture ${p.src} on ${p.page} lost its description`);
          }
        }
      } finally {
        await context.close();
      }
    });
  }
});
