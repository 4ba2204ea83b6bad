// search.js without a browser: its word rules against the cases the Rust side is tested with
// (tests/search-cases.json), and its ranking, on hand-made indexes and on the example site's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { HERE } from '../lib/harness.mjs';

const REPO = path.resolve(HERE, '../..');
const CASES = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/search-cases.json'), 'utf8'));

/** search.js and any index scripts, run as a browser would run them, without a document. */
function load(...indexes) {
  const ctx = {};
  ctx.self = ctx;
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(REPO, 'themes/default/static/search.js'), 'utf8'), ctx);
  for (const file of indexes) vm.runInContext(fs.readFileSync(file, 'utf8'), ctx);
  return ctx;
}

const S = load().SulamSearch;

describe('search words: the same answers as src/search.rs', () => {
  it('normalize', () => {
    for (const [input, want] of CASES.normalize) {
      assert.equal(S.terms(input).join(' '), want, `normalize(${JSON.stringify(input)})`);
    }
  });
  it('words', () => {
    for (const [input, want] of CASES.words) {
      assert.deepEqual([...S.words(input)], want, `words(${JSON.stringify(input)})`);
    }
  });
  it('stripped', () => {
    for (const [input, want] of CASES.stripped) {
      assert.deepEqual([...S.stripped(S.normalize(input))], want, `stripped(${JSON.stringify(input)})`);
    }
  });
});

/** A raw index as `sulam build` writes it: docs [id, title], postings as {term: [[doc, score]]}. */
function index(docs, postings) {
  const terms = Object.keys(postings).sort();
  return S.prepare({
    lang: 'he', num: 'he', dirs: { he: 'rtl' }, ui: {}, collections: [['initiatives', 'יוזמה']],
    docs: docs.map(([id, title]) => [0, id, title, '', '', '']),
    terms: terms.join(' '),
    postings: terms.map((t) => {
      let last = 0;
      return postings[t].flatMap(([d, s]) => { const r = [d - last, s]; last = d; return r; }).map(encode).join('');
    }),
  });
}

/** A number as src/search.rs writes it: base 32, the last place from LAST, the others from MORE. */
function encode(n) {
  const LAST = '0123456789abcdefghijklmnopqrstuv', MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+,-';
  let s = LAST[n % 32];
  for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) s = MORE[n % 32] + s;
  return s;
}

const ids = (ix, q) => [...S.search(ix, q)].map((d) => ix.docs[d][1]);

describe('search ranking', () => {
  it('reads the numbers src/search.rs writes', () => {
    // The same numbers as the Rust unit test numbers_are_written_in_base_32...
    assert.deepEqual([...S.decode('05vB0-8BHC0')], [0, 5, 31, 32, 1000, 40000]);
    assert.equal([0, 5, 31, 32, 1000, 40000].map(encode).join(''), '05vB0-8BHC0');
  });
  it('title over summary over body (weights 16, 4, 1 from the index)', () => {
    const ix = index([['body', ''], ['summary', ''], ['title', '']],
      { 'מוביליות': [[0, 1], [1, 4], [2, 16]] });
    assert.deepEqual(ids(ix, 'מוביליות'), ['title', 'summary', 'body']);
  });
  it('a whole word over a longer word it begins', () => {
    const ix = index([['longer', ''], ['whole', '']], { 'מוב': [[1, 1]], 'מובילים': [[0, 1]] });
    assert.deepEqual(ids(ix, 'מוב'), ['whole', 'longer']);
  });
  it('the word as typed over the word with its prefixes stripped', () => {
    // "ובית" typed: an entry with ובית itself above one with בית only.
    const ix = index([['bare', ''], ['typed', '']], { 'בית': [[0, 1]], 'ובית': [[1, 1]] });
    assert.deepEqual(ids(ix, 'ובית'), ['typed', 'bare']);
  });
  it('every word of the query must be found', () => {
    const ix = index([['both', ''], ['one', '']], { 'בית': [[0, 1], [1, 1]], 'ספר': [[0, 1]] });
    assert.deepEqual(ids(ix, 'בית ספר'), ['both']);
    assert.deepEqual(ids(ix, 'בית-ספר'), ['both']);
  });
  it('equal scores keep the index order (collection, then title)', () => {
    const ix = index([['a', ''], ['b', '']], { 'x': [[0, 1], [1, 1]] });
    assert.deepEqual(ids(ix, 'x'), ['a', 'b']);
  });
  it('highlights whole words the query finds, prefixes and diacritics included', () => {
    const m = S.matcher('ובמוביליות');
    const text = 'הרשות למוביליות ולקהילה';
    assert.deepEqual([...S.marked(text, m)].map((s) => text.slice(s[0], s[1])), ['למוביליות']);
  });
});

const SITE = process.env.SULAM_SITE_DIR;

describe('search on the example site', { skip: !SITE && 'SULAM_SITE_DIR is not set' }, () => {
  const ctx = SITE && load(...['he', 'ar', 'en'].map((l) => path.join(SITE, 'search', `${l}.js`)));
  const find = (lang, q) => {
    const ix = S.prepare(ctx.sulamSearchIndex[lang]);
    return [...S.search(ix, q)].map((d) => ix.docs[d]);
  };
  for (const [lang, q, first] of [
    ['he', 'ובמוביליות', true],
    ['he', 'מוביליות', true],
    ['he', 'מוביליות רשותית', true],
    ['he', 'בְּמוֹבִילִיּוּת', true],
    ['ar', 'المحلية', false],
    ['ar', 'الحراك المحلي', true],
    ['ar', 'ٱلْحَرَاكُ', false],
    ['en', 'municipal mob', true],
  ]) {
    it(`${lang}: "${q}" finds municipal-mobility${first ? ' first' : ''}, in ${lang}`, () => {
      const docs = find(lang, q);
      const at = docs.findIndex((d) => d[1] === 'municipal-mobility');
      assert.ok(at >= 0, `not found among ${docs.length}`);
      if (first) assert.equal(at, 0, `found at ${at + 1}: ${docs.slice(0, 3).map((d) => d[2]).join(' | ')}`);
      assert.equal(docs[at][3], '', 'in the index language, not a fallback');
    });
  }
  it('each entry is one result, fallback pages included', () => {
    for (const lang of ['he', 'ar', 'en']) {
      const docs = ctx.sulamSearchIndex[lang].docs.map((d) => `${d[0]}/${d[1]}`);
      assert.equal(new Set(docs).size, docs.length, `${lang}: a doc twice`);
    }
  });
});
