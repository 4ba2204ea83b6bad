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

/**
 * A raw index as `sulam build` writes it, with its parts: docs [id, title], postings as
 * {term: [[doc, score]]}, one part per first letter.
 */
function index(docs, postings) {
  const parts = {}, shards = {};
  for (const t of Object.keys(postings).sort()) {
    const first = String.fromCodePoint(t.codePointAt(0));
    shards[first] = shards[first] || `${first.codePointAt(0).toString(16)}-00000000`;
    const part = (parts[`he/${shards[first]}`] = parts[`he/${shards[first]}`] || { terms: '', postings: [] });
    part.terms += (part.terms ? ' ' : '') + t;
    part.postings.push(list(postings[t]));
    if (t !== first) {
      part.best = part.best || new Map();
      for (const [d, s] of postings[t]) part.best.set(d, Math.max(s, part.best.get(d) || 0));
    }
  }
  for (const part of Object.values(parts)) {
    part.longer = list([...(part.best || [])].sort((a, b) => a[0] - b[0]));
    part.first = [];
    delete part.best;
  }
  parts['he/d0-00000000'] = docs.map(([id, title]) => [0, id, title, '', '', '']);
  return S.prepare({
    lang: 'he', num: 'he', dirs: { he: 'rtl' }, ui: {}, collections: [['initiatives', 'יוזמה']],
    count: docs.length, shards, split: [''], docs: ['d0-00000000'], chunk: 64,
  }, parts);
}

/** [doc, score] pairs sorted by doc as src/search.rs writes them: doc deltas and scores. */
function list(pairs) {
  let last = 0;
  return pairs.flatMap(([d, s]) => { const r = [d - last, s]; last = d; return r; }).map(encode).join('');
}

/** A number as src/search.rs writes it: base 32, the last place from LAST, the others from MORE. */
function encode(n) {
  const LAST = '0123456789abcdefghijklmnopqrstuv', MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+,-';
  let s = LAST[n % 32];
  for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) s = MORE[n % 32] + s;
  return s;
}

const ids = (ix, q) => [...S.search(ix, q)].map((d) => S.doc(ix, d)[1]);

describe('counts', () => {
  const latin = [...'0123456789'];
  it('are grouped in threes from the style src/format.rs reads from ICU', () => {
    const style = { digits: latin, group: ',', min: 4 };
    assert.deepEqual([7, 999, 1000, 3001, 1234567].map((n) => S.formatCount(style, n)),
      ['7', '999', '1,000', '3,001', '1,234,567']);
  });
  it('keep four digits whole where the language groups from five, and use its digits', () => {
    const style = { digits: [...'٠١٢٣٤٥٦٧٨٩'], group: '٬', min: 5 };
    assert.deepEqual([1000, 10000].map((n) => S.formatCount(style, n)), ['١٠٠٠', '١٠٬٠٠٠']);
    assert.equal(S.formatCount({ digits: latin, group: '', min: 4 }, 12345), '12345');
  });
});

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
  it('a single letter finds the words it begins, the letter as a word first', () => {
    const ix = index([['longer', ''], ['best', ''], ['letter', ''], ['other', '']],
      { 'מ': [[2, 16]], 'מוב': [[0, 4]], 'מובילים': [[0, 1], [1, 16]], 'בית': [[3, 16]] });
    // 16 × 2 as a whole word; 16 for the best longer word; 4; nothing for בית.
    assert.deepEqual(ids(ix, 'מ'), ['letter', 'best', 'longer']);
  });
  it('a letter split by the next is looked up in the part of the longer prefix', () => {
    const part = (terms, longer, first = []) => ({
      terms: Object.keys(terms).join(' '), postings: Object.values(terms).map(list), longer: list(longer), first,
    });
    const best = [[1, 4], [2, 16]];
    const parts = {
      'ar/a': part({ 'ا': [[0, 1]] }, best, [[2, [0, 'two', 'two', '', 'نص المدرسة', '']]]),
      'ar/al': part({}, best),
      'ar/alm': part({ 'المحلي': [[1, 4]], 'المدرسه': [[2, 16]] }, best),
      'ar/d': ['zero', 'one', 'two'].map((id) => [0, id, id, '', '', '']),
    };
    const raw = {
      lang: 'ar', num: 'ar', dirs: { ar: 'rtl' }, ui: {}, collections: [['initiatives', 'مبادرة']],
      count: 3, shards: { 'ا': 'a', 'ال': 'al', 'الم': 'alm' }, split: ['', 'ا', 'ال'], docs: ['d'], chunk: 64,
    };
    const before = S.prepare(raw, {});
    assert.deepEqual([...S.partsFor(before, 'المح')], ['ar/alm']);
    assert.deepEqual([...S.partsFor(before, 'ال')], ['ar/al']);
    assert.deepEqual([...S.partsFor(before, 'ا')], ['ar/a']);
    assert.deepEqual([...S.partsFor(before, 'الب')], [], 'no part: no word begins so');
    const ix = S.prepare(raw, parts);
    assert.deepEqual(ids(ix, 'المح'), ['one']);
    assert.deepEqual(ids(ix, 'ال'), ['two', 'one']);
    // 16 and 4 from the best longer words, 1 × 2 for ا as a word.
    assert.deepEqual(ids(ix, 'ا'), ['two', 'one', 'zero']);
    assert.deepEqual(ids(ix, 'الب'), []);
    // The part of ا carried its first result: no part of docs is needed for it.
    const alone = S.prepare(raw, { 'ar/a': parts['ar/a'] });
    assert.deepEqual([...S.docParts(alone, [2])], ['ar/d'], 'before the part is read');
    assert.deepEqual([...S.search(alone, 'ا')], [2, 1, 0]);
    assert.deepEqual([...S.docParts(alone, [2])], []);
    assert.equal(S.doc(alone, 2)[4], 'نص المدرسة');
    assert.equal(S.doc(alone, 1), null);
  });
  it('a stripped form of one or two letters finds only itself, as a whole word', () => {
    // מובי: as typed it begins מובילים; stripped of מ and ו it is בי, which begins ביחס.
    const ix = index([['bi-hes', ''], ['bi', ''], ['movilim', '']],
      { 'ביחס': [[0, 16]], 'בי': [[1, 1]], 'מובילים': [[2, 4]] });
    assert.deepEqual(ids(ix, 'מובי'), ['movilim', 'bi']);
    const m = S.matcher('מובי');
    assert.deepEqual(['ביחס', 'בי', 'מובילים', 'למובילים'].map(m), [false, true, true, true]);
  });
  it('every word of the query must be found', () => {
    const ix = index([['both', ''], ['one', '']], { 'בית': [[0, 1], [1, 1]], 'ספר': [[0, 1]] });
    assert.deepEqual(ids(ix, 'בית ספר'), ['both']);
    assert.deepEqual(ids(ix, 'בית-ספר'), ['both']);
  });
  it('equal scores keep the index order (collection, then title)', () => {
    const ix = index([['a', ''], ['b', '']], { 'x': [[0, 1], [1, 1]] });
    assert.deepEqual(ids(ix, 'x'), ['a', 'b']);
    const mixed = index([['a', ''], ['b', ''], ['c', ''], ['d', '']], { 'x': [[0, 1], [1, 3], [2, 1], [3, 3]] });
    assert.deepEqual(ids(mixed, 'x'), ['b', 'd', 'a', 'c']);
  });
  it('scores too large to count out are still ranked', () => {
    const ix = index([['a', ''], ['b', ''], ['c', '']], { 'x': [[0, 40000], [1, 1], [2, 40000]] });
    assert.deepEqual(ids(ix, 'x'), ['a', 'c', 'b']);
  });
  it('highlights whole words the query finds, prefixes and diacritics included', () => {
    const m = S.matcher('ובמוביליות');
    const text = 'הרשות למוביליות ולקהילה';
    assert.deepEqual([...S.marked(text, m)].map((s) => text.slice(s[0], s[1])), ['למוביליות']);
  });
});

describe('search snippets', () => {
  /** The snippet's text with its marked words in [brackets]. */
  const shown = (sn) => {
    if (!sn) return sn;
    const [text, marks] = sn;
    let out = '', at = 0;
    for (const [a, b] of marks) {
      out += text.slice(at, a) + '[' + text.slice(a, b) + ']';
      at = b;
    }
    return out + text.slice(at);
  };

  it('a short text is shown whole, its matching words marked', () => {
    const sn = S.snippet('התוכנית מחזקת מוביליות חברתית בפריפריה', S.matcher('מוביליות'));
    assert.equal(shown(sn), 'התוכנית מחזקת [מוביליות] חברתית בפריפריה');
  });

  it('no matching word: no snippet', () => {
    assert.equal(S.snippet('نص عن التعليم', S.matcher('مستشفى')), null);
  });

  it('a match far in starts a few words before it, cut at whole words on both sides', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    words[40] = 'mobility';
    const text = words.join(' ');
    const sn = shown(S.snippet(text, S.matcher('mobility'), 60));
    // At most a third of the length before the match (20 letters: "word37 word38 word39 "),
    // starting at a word; 60 letters on, the word there is finished; an ellipsis at each end
    // where text was left out.
    assert.equal(sn, '\u2026word38 word39 [mobility] word41 word42 word43 word44 word45 word46\u2026');
  });

  it('the marks of every matching word inside the snippet, prefixes included', () => {
    const text = 'מוביליות היא ובמוביליות ועוד למוביליות';
    const sn = shown(S.snippet(text, S.matcher('מוביליות')));
    assert.equal(sn, '[מוביליות] היא [ובמוביליות] ועוד [למוביליות]');
  });
});

const SITE = process.env.SULAM_SITE_DIR;

describe('search on the example site', { skip: !SITE && 'SULAM_SITE_DIR is not set' }, () => {
  // Each language's index and every one of its parts.
  const ctx = SITE && load(...['he', 'ar', 'en'].flatMap((l) => [
    path.join(SITE, 'search', `${l}.js`),
    ...fs.readdirSync(path.join(SITE, 'search', l)).map((f) => path.join(SITE, 'search', l, f)),
  ]));
  const find = (lang, q) => {
    const ix = S.prepare(ctx.sulamSearchIndex[lang], ctx.sulamSearchParts);
    return [...S.search(ix, q)].map((d) => S.doc(ix, d));
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
  it('every part the index names is a file, and every file a part it names', () => {
    for (const lang of ['he', 'ar', 'en']) {
      const raw = ctx.sulamSearchIndex[lang];
      const named = [...Object.values(raw.shards), ...raw.docs].map((n) => `${n}.js`).sort();
      assert.deepEqual(named, fs.readdirSync(path.join(SITE, 'search', lang)).sort(), lang);
      assert.equal(raw.docs.length, Math.ceil(raw.count / raw.chunk), `${lang}: docs`);
    }
  });
  it('a small site\'s words are all in one part', () => {
    for (const lang of ['he', 'ar', 'en']) {
      const raw = ctx.sulamSearchIndex[lang];
      assert.deepEqual([...raw.split], [], lang);
      assert.deepEqual(Object.keys(raw.shards), [''], lang);
      const ix = S.prepare(raw, {});
      assert.deepEqual([...S.partsFor(ix, 'ובמוביליות המחלקה')], [`${lang}/${raw.shards['']}`]);
      assert.deepEqual([...S.docParts(ix, [0, 1, raw.chunk])], [`${lang}/${raw.docs[0]}`, `${lang}/${raw.docs[1]}`]);
      assert.throws(() => S.search(ix, 'מוביליות'), /not loaded/);
    }
  });
  it('a letter typed alone ranks as if every word it begins were read', () => {
    for (const lang of ['he', 'ar', 'en']) {
      const raw = ctx.sulamSearchIndex[lang];
      const ix = S.prepare(raw, ctx.sulamSearchParts);
      const all = Object.values(raw.shards).map((name) => ctx.sulamSearchParts[`${lang}/${name}`]);
      const words = all.flatMap((part) => part.terms.split(' ').map((t, i) => [t, part.postings[i]]));
      // Every first letter, and every longer prefix a part is split at, unless it is also
      // looked up in other forms (ומ → מ).
      const prefixes = new Set([...words.map(([t]) => String.fromCodePoint(t.codePointAt(0))),
        ...Object.keys(raw.shards).filter((p) => p && S.forms(p).length === 1)]);
      assert.ok(prefixes.size > 10, lang);
      for (const prefix of prefixes) {
        const best = new Map();
        for (const [t, postings] of words) {
          if (!t.startsWith(prefix)) continue;
          const nums = [...S.decode(postings)];
          for (let j = 0, d = 0; j < nums.length; j += 2) {
            d += nums[j];
            const score = nums[j + 1] * 2 * (t === prefix ? 2 : 1);
            best.set(d, Math.max(score, best.get(d) || 0));
          }
        }
        const want = [...best.keys()].sort((a, b) => best.get(b) - best.get(a) || a - b);
        assert.deepEqual([...S.search(ix, prefix)], want, `${lang}: ${prefix}`);
      }
    }
  });
  it('counts are written with Western digits and commas in every language', () => {
    for (const lang of ['he', 'ar', 'en']) {
      assert.equal(S.formatCount(ctx.sulamSearchIndex[lang].num, 3001), '3,001', lang);
    }
  });
  it('each entry is one result, fallback pages included', () => {
    for (const lang of ['he', 'ar', 'en']) {
      const ix = S.prepare(ctx.sulamSearchIndex[lang], ctx.sulamSearchParts);
      const docs = Array.from({ length: ix.raw.count }, (_, d) => S.doc(ix, d)).map((d) => `${d[0]}/${d[1]}`);
      assert.equal(new Set(docs).size, docs.length, `${lang}: a doc twice`);
    }
  });
});
