// Sulam search. Loads this language's index (search/<lang>.js, written by `sulam build`) on
// first use and answers as the reader types: in the search box of the header (a short list
// under it) and on the search page (/<lang>/search/, every result).
//
// The word rules below mirror src/search.rs exactly, because a word is found only when the
// index and the query normalise it alike; tests/search-cases.json holds both to the same
// answers. Everything is found relative to this script's own address, so the search works
// under any sub-path and from a folder opened from disk (file://), where fetch() does not.
(function () {
  "use strict";

  // ---- Words: the mirror of src/search.rs -------------------------------------------------
  var MARKS = "\\u0300-\\u036F\\u0483-\\u0489\\u0591-\\u05BD\\u05BF\\u05C1\\u05C2\\u05C4\\u05C5\\u05C7" +
    "\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E4\\u06E7\\u06E8\\u06EA-\\u06ED" +
    "\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F";
  var JOINERS = "'\"`\\u00B4\\u05F3\\u05F4\\u2018\\u2019\\u201C\\u201D\\u0640\\u00AD" +
    "\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF";
  var DROP = new RegExp("[" + MARKS + JOINERS + "]", "gu");
  var WORDS = new RegExp("[\\p{Alphabetic}\\p{N}" + MARKS + JOINERS + "]+", "gu");
  var MAP = {
    "\u05DA": "\u05DB", "\u05DD": "\u05DE", "\u05DF": "\u05E0", "\u05E3": "\u05E4", "\u05E5": "\u05E6",
    "\u0671": "\u0627", "\u0649": "\u064A", "\u06CC": "\u064A", "\u0629": "\u0647",
  };
  var FOLD = /[\u05DA\u05DD\u05DF\u05E3\u05E5\u0671\u0649\u06CC\u0629\u0660-\u0669\u06F0-\u06F9]/g;
  var HEBREW_PREFIX = "\u05D5\u05D4\u05D1\u05DB\u05DC\u05DE\u05E9"; // ו ה ב כ ל מ ש
  var ARABIC_PREFIX = [
    ["\u0648\u0628\u0627\u0644", 2], ["\u0648\u0643\u0627\u0644", 2], ["\u0648\u0644\u0644", 2],
    ["\u0641\u0627\u0644", 2], ["\u0641\u0644\u0644", 2], ["\u0648\u0627\u0644", 2],
    ["\u0628\u0627\u0644", 2], ["\u0643\u0627\u0644", 2], ["\u0644\u0644", 2], ["\u0627\u0644", 2],
    ["\u0648\u0628", 3], ["\u0648\u0644", 3], ["\u0641\u0628", 3], ["\u0641\u0644", 3],
    ["\u0648", 3], ["\u0641", 3], ["\u0628", 3], ["\u0644", 3], ["\u0643", 3],
  ];

  function fold(c) {
    var n = c.charCodeAt(0);
    return MAP[c] || String.fromCharCode(48 + n - (n >= 0x6F0 ? 0x6F0 : 0x660));
  }

  function normalize(word) {
    var d = word.normalize("NFKD");
    // Lower case letter by letter, as Rust's char::to_lowercase does; the whole string's
    // toLowerCase() is the same but for a capital sigma, written ς at a word's end.
    var lower = d.indexOf("\u03A3") < 0 ? d.toLowerCase()
      : Array.from(d, function (c) { return c.toLowerCase(); }).join("");
    return lower.replace(DROP, "").replace(FOLD, fold);
  }

  /** The words of a text as [start, end] offsets (UTF-16), as written. */
  function spans(text) {
    var out = [], m;
    WORDS.lastIndex = 0;
    while ((m = WORDS.exec(text))) out.push([m.index, m.index + m[0].length]);
    return out;
  }

  function words(text) {
    return spans(text).map(function (s) { return text.slice(s[0], s[1]); });
  }

  function terms(text) {
    return words(text).map(normalize).filter(function (w) { return w.length > 0; });
  }

  function stripped(term) {
    var chars = Array.from(term), out = [];
    function push(s) { if (s !== term && out.indexOf(s) < 0) out.push(s); }
    for (var k = 1; k <= Math.min(3, chars.length); k++) {
      if (HEBREW_PREFIX.indexOf(chars[k - 1]) < 0) break;
      if (chars.length - k >= 2) push(chars.slice(k).join(""));
    }
    ARABIC_PREFIX.forEach(function (p) {
      if (term.startsWith(p[0]) && Array.from(term.slice(p[0].length)).length >= p[1]) {
        push(term.slice(p[0].length));
      }
    });
    return out;
  }

  // ---- The index and the query ------------------------------------------------------------
  // Postings are strings of base-32 numbers (src/search.rs, `encode`): a digit from LAST ends
  // a number, a digit from MORE is one of its higher places.
  var LAST = "0123456789abcdefghijklmnopqrstuv", MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+,-";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var x = 0; x < 32; x++) { DIGIT[LAST.charCodeAt(x)] = x; DIGIT[MORE.charCodeAt(x)] = 32 + x; }

  /** The numbers of one term's postings: doc-id delta, score, delta, score... */
  function decode(str) {
    var out = [], n = 0;
    for (var i = 0; i < str.length; i++) {
      var v = DIGIT[str.charCodeAt(i)];
      if (v >= 32) n = n * 32 + v - 32;
      else { out.push(n * 32 + v); n = 0; }
    }
    return out;
  }

  /**
   * An index ready to search: `raw` is search/<lang>.js, `parts` the store its parts arrive in
   * (search/<lang>/*.js, loaded as needed: see `partsFor` and `docParts`).
   */
  function prepare(raw, parts) {
    var split = {};
    (raw.split || []).forEach(function (p) { split[p] = true; });
    return { raw: raw, parts: parts || {}, split: split, shards: {}, known: {} };
  }

  /**
   * The prefix of the part a normalised word is looked up in: "" when all the words are in
   * one part, else its first letter, or more letters where the index split that letter's
   * words (src/search.rs, `split_shard`).
   */
  function partKey(index, form) {
    var cps = Array.from(form), key = "";
    for (var k = 0; k < cps.length && index.split[key]; k++) key += cps[k];
    return key;
  }

  /** The part names (lang/file) of `names` that have not arrived yet. */
  function absent(index, names) {
    var out = [];
    names.forEach(function (name) {
      var key = index.raw.lang + "/" + name;
      if (!index.parts[key] && out.indexOf(key) < 0) out.push(key);
    });
    return out;
  }

  /** The parts a query's words are looked up in that are not loaded yet. */
  function partsFor(index, query) {
    var names = [];
    terms(query).forEach(function (q) {
      forms(q).forEach(function (f) {
        var name = index.raw.shards[partKey(index, f[0])];
        if (name) names.push(name);
      });
    });
    return absent(index, names);
  }

  /** The parts holding docs `ds` (number → result) that are not loaded yet. */
  function docParts(index, ds) {
    return absent(index, ds.filter(function (d) { return !index.known[d]; })
      .map(function (d) { return index.raw.docs[Math.floor(d / index.raw.chunk)]; }));
  }

  /**
   * The part `form` is looked up in, as {key, terms, postings, longer}; null if no word
   * begins as it does. The docs the part carries become known.
   */
  function shard(index, form) {
    var key = partKey(index, form), have = index.shards[key];
    if (have !== undefined) return have;
    var name = index.raw.shards[key];
    if (!name) return (index.shards[key] = null);
    var raw = index.parts[index.raw.lang + "/" + name];
    if (!raw) throw new Error("search: part " + name + " is not loaded");
    raw.first.forEach(function (f) { index.known[f[0]] = f[1]; });
    return (index.shards[key] = {
      key: key, terms: raw.terms ? raw.terms.split(" ") : [], postings: raw.postings, longer: raw.longer,
    });
  }

  /**
   * Result number `d` once its part is here: [collection, id, title, language of a fallback
   * text or "", summary, rest of the text]; null before.
   */
  function docOf(index, d) {
    if (index.known[d]) return index.known[d];
    var name = index.raw.docs[Math.floor(d / index.raw.chunk)];
    var part = name && index.parts[index.raw.lang + "/" + name];
    return part ? (index.known[d] = part[d % index.raw.chunk]) : null;
  }

  /** First position in sorted `arr` whose term is not below `key` (UTF-16 order, as written). */
  function lowerBound(arr, key) {
    var lo = 0, hi = arr.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (arr[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  var ARABIC_HA_END = /[\u0621-\u064A]\u0647$/;

  /** A stripped form shorter than this is looked up as a whole word only. */
  var MIN_STRIPPED_PREFIX = 3;

  /**
   * A query word with the forms it is looked up by, as [form, weight, whole words only]: as
   * typed (weight 2), prefixes stripped (1), and in Arabic without a final ة/ه (1), so that
   * المحلية also finds المحلّي and كتابه finds كتاب. That last rule is the query's only: the
   * index keeps words whole. A stripped form of one or two letters (מובי → בי) would begin
   * half the words of the site, so it only finds itself.
   */
  function forms(q) {
    var out = [[q, 2, false]].concat(stripped(q).map(function (s) {
      return [s, 1, Array.from(s).length < MIN_STRIPPED_PREFIX];
    }));
    out.slice().forEach(function (f) {
      if (ARABIC_HA_END.test(f[0]) && f[0].length > 3) out.push([f[0].slice(0, -1), 1, false]);
    });
    return out;
  }

  /**
   * The entries that hold every word of the query, best first. Each word also matches the
   * beginning of longer words (the reader is still typing). A word's score in an entry is the
   * best of: its weight there (title over summary over the rest, from the index), doubled
   * when the word matches whole, doubled again when it matched as typed rather than stripped.
   */
  function search(index, query) {
    var qs = terms(query);
    if (!qs.length) return [];
    var n = index.raw.count, total = null;
    for (var w = 0; w < qs.length; w++) {
      var best = new Float64Array(n);
      forms(qs[w]).forEach(function (f) {
        var form = f[0], fq = f[1], sh = shard(index, form);
        if (!sh) return;
        var i = lowerBound(sh.terms, form);
        if (f[2]) {
          if (sh.terms[i] === form) raise(best, sh.postings[i], fq * 2);
          return;
        }
        if (form === sh.key) {
          // The part's own prefix, as after the first key: the prefix as a word, and the
          // part's best of the words longer than it (src/search.rs, `split_shard`).
          if (sh.terms[i] === form) raise(best, sh.postings[i], fq * 2);
          raise(best, sh.longer, fq);
          return;
        }
        for (; i < sh.terms.length; i++) {
          var t = sh.terms[i];
          if (!t.startsWith(form)) break;
          raise(best, sh.postings[i], fq * (t.length === form.length ? 2 : 1));
        }
      });
      if (total === null) total = best;
      else for (var k = 0; k < n; k++) total[k] = best[k] > 0 && total[k] > 0 ? total[k] + best[k] : 0;
    }
    return ranked(total);
  }

  /**
   * The docs with a score, best first and in index order among equals. Scores are whole
   * numbers, so a counting sort does it in one pass where sort() with a comparator takes
   * tens of milliseconds for a few thousand hits on a phone.
   */
  function ranked(total) {
    var n = total.length, max = 0, count = 0;
    for (var d = 0; d < n; d++) {
      if (total[d] > 0) count++;
      if (total[d] > max) max = total[d];
    }
    var hits = new Array(count);
    if (max !== Math.floor(max) || max > 1 << 16) {
      var k = 0;
      for (d = 0; d < n; d++) if (total[d] > 0) hits[k++] = d;
      return hits.sort(function (a, b) { return total[b] - total[a] || a - b; });
    }
    // at[s]: where the first doc with score s goes.
    var at = new Int32Array(max + 2);
    for (d = 0; d < n; d++) if (total[d] > 0) at[max - total[d] + 1]++;
    for (var s = 1; s <= max + 1; s++) at[s] += at[s - 1];
    for (d = 0; d < n; d++) if (total[d] > 0) hits[at[max - total[d]]++] = d;
    return hits;
  }

  /** Raises best[doc] to score × `times` for each (doc, score) of a posting string. */
  function raise(best, p, times) {
    var d = 0, n = 0, isScore = false;
    for (var j = 0; j < p.length; j++) {
      var v = DIGIT[p.charCodeAt(j)];
      if (v >= 32) { n = n * 32 + v - 32; continue; }
      n = n * 32 + v;
      if (isScore) {
        if (n * times > best[d]) best[d] = n * times;
      } else {
        d += n;
      }
      isScore = !isScore;
      n = 0;
    }
  }

  /** Whether a word of a text is one the query looks for (as search() would find it). */
  function matcher(query) {
    var qforms = [];
    terms(query).forEach(function (q) { forms(q).forEach(function (f) { qforms.push(f); }); });
    var seen = new Map();
    return function (word) {
      var known = seen.get(word);
      if (known !== undefined) return known;
      var w = normalize(word), yes = false;
      if (w) {
        var ws = [w].concat(stripped(w));
        yes = ws.some(function (x) {
          return qforms.some(function (q) { return q[2] ? x === q[0] : x.startsWith(q[0]); });
        });
      }
      seen.set(word, yes);
      return yes;
    };
  }

  var SNIPPET = 180, BEFORE = 50;

  /** The [start, end] spans of the words of `text` that match. */
  function marked(text, matches) {
    return spans(text).filter(function (s) { return matches(text.slice(s[0], s[1])); });
  }

  /**
   * A piece of text around its first matching word, as [text, marked spans]; null when no
   * word of it matches.
   */
  function snippet(text, matches, length) {
    var size = length || SNIPPET;
    var marks = marked(text, matches);
    if (!marks.length) return null;
    var sp = spans(text), first = marks[0][0], from = 0, before = Math.min(BEFORE, size / 3);
    if (first > before) {
      for (var k = sp.length - 1; k >= 0; k--) {
        if (sp[k][0] <= first && first - sp[k][0] <= before) from = sp[k][0];
      }
    }
    var to = Math.min(text.length, from + size);
    for (var m = 0; m < sp.length; m++) if (sp[m][0] < to && sp[m][1] > to) { to = sp[m][1]; break; }
    var lead = from > 0 ? "\u2026" : "";
    var shown = marks.filter(function (x) { return x[0] >= from && x[1] <= to; })
      .map(function (x) { return [x[0] - from + lead.length, x[1] - from + lead.length]; });
    return [lead + text.slice(from, to) + (to < text.length ? "\u2026" : ""), shown];
  }

  /**
   * A whole number as the pages write it, by the language's style from the index (its digits,
   * the separator of groups of three and from how many digits it is used). Not
   * Intl.NumberFormat: its first use costs a phone-class CPU 100 ms, the whole budget of a
   * keystroke.
   */
  function formatCount(style, n) {
    var s = String(n);
    if (style.group && s.length >= style.min) s = s.replace(/\B(?=(\d{3})+$)/g, "_");
    return s.replace(/[0-9_]/g, function (c) { return c === "_" ? style.group : style.digits[c]; });
  }

  var core = { decode: decode, formatCount: formatCount, normalize: normalize, words: words, terms: terms, stripped: stripped,
    forms: forms, prepare: prepare, partsFor: partsFor, docParts: docParts, doc: docOf,
    search: search, matcher: matcher, marked: marked, snippet: snippet };

  if (typeof document === "undefined") {
    // node: the tests load this file to check it against the Rust side.
    self.SulamSearch = core;
    return;
  }
  if (self.SulamSearch) return;
  self.SulamSearch = core;

  // ---- The page ---------------------------------------------------------------------------
  var script = document.currentScript;
  var root = new URL(".", script ? script.src : location.href);
  var lang = document.documentElement.lang;
  var onDisk = location.protocol === "file:";
  // Results shown at once: few, so that the first answer comes fast on a slow phone; the
  // search page adds more on request.
  var HEADER_MAX = 6, PAGE_STEP = 20;
  var loading = null;
  // Whether the index was loaded again after a part it named was missing.
  var reloaded = false;

  function loadIndex() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var have = self.sulamSearchIndex && self.sulamSearchIndex[lang];
      if (have) { resolve(prepare(have, self.sulamSearchParts)); return; }
      // sulam.js may have started loading the index already, beside this script.
      var s = document.querySelector("script[data-sulam-index]");
      var started = !!s;
      if (s && s.hasAttribute("data-failed")) { reject(new Error("cannot load " + s.src)); return; }
      if (!s) {
        s = document.createElement("script");
        // Asked for again: past any copy a browser or host may keep.
        var fresh = reloaded && !onDisk ? "?v=" + Date.now() : "";
        s.src = new URL("search/" + lang + ".js" + fresh, root).href;
      }
      s.addEventListener("load", function () {
        var raw = self.sulamSearchIndex && self.sulamSearchIndex[lang];
        if (raw) resolve(prepare(raw, self.sulamSearchParts)); else reject(new Error("no index in " + s.src));
      });
      s.addEventListener("error", function () { reject(new Error("cannot load " + s.src)); });
      if (!started) document.head.appendChild(s);
    });
    return loading;
  }

  // Parts of the index (search/<lang>/<name>.js): their scripts put them in this store, under
  // "lang/name"; partLoads has the loads asked for.
  self.sulamSearchParts = self.sulamSearchParts || {};
  var partLoads = {};

  /** Loads the parts `keys` ("lang/name"), side by side; resolves when all have arrived. */
  function loadParts(index, keys) {
    return Promise.all(keys.map(function (key) {
      if (!partLoads[key]) {
        partLoads[key] = new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = new URL("search/" + key + ".js", root).href;
          s.onload = function () {
            if (index.parts[key]) resolve(); else reject(new Error("no index part in " + s.src));
          };
          s.onerror = function () {
            delete partLoads[key]; // another keystroke tries again
            var err = new Error("cannot load " + s.src);
            err.missingPart = true;
            reject(err);
          };
          document.head.appendChild(s);
        });
      }
      return partLoads[key];
    }));
  }

  /**
   * Forgets the index, so that the next search loads search/<lang>.js again. For a page left
   * open while the site was rebuilt: its index names parts that are gone (their names carry a
   * hash of their content), the new index names the new ones.
   */
  function reloadIndex() {
    reloaded = true;
    loading = null;
    if (self.sulamSearchIndex) delete self.sulamSearchIndex[lang];
    var old = document.querySelector("script[data-sulam-index]");
    if (old) old.parentNode.removeChild(old);
  }

  /** A page of the site by its path from the root; on disk, folders need their index.html. */
  function href(path) {
    return new URL(path + (onDisk && /\/$/.test(path) ? "index.html" : ""), root).href;
  }

  function docPath(index, doc) {
    var col = index.raw.collections[doc[0]][0];
    return lang + "/" + (doc[1] === "" ? "" : col + "/" + doc[1] + "/");
  }

  function searchUrl(q) {
    return href(lang + "/search/") + (q ? "?q=" + encodeURIComponent(q) : "");
  }

  var plurals = null;

  function countText(index, n) {
    var ui = index.raw.ui;
    if (n === 0) return ui.none;
    plurals = plurals || new Intl.PluralRules(lang);
    var cat = plurals.select(n);
    var form = ui.count[cat] || ui.count.other;
    return form.replace("{n}", formatCount(index.raw.num, n));
  }

  /** Text with the marked spans in <mark>, into `el`. */
  function fill(el, text, marks) {
    var at = 0;
    marks.forEach(function (m) {
      if (m[0] > at) el.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      el.appendChild(mark);
      at = m[1];
    });
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }

  var RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  var LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

  /* A text in another language than the page's carries its language and direction; a wholly
     Latin name on a right-to-left page keeps its own direction, with its full stop at its end. */
  function setLang(el, code, index, text) {
    if (code) {
      el.lang = code;
      el.dir = index.raw.dirs[code] || "auto";
    } else if (text && LATIN_LETTER.test(text) && !RTL_LETTER.test(text)) {
      el.dir = "ltr";
    }
  }

  function resultItem(index, d, matches, withHeading) {
    var doc = docOf(index, d), li = document.createElement("li");
    li.className = "search-result";
    var head = document.createElement(withHeading ? "h3" : "p");
    head.className = "search-result-title";
    var a = document.createElement("a");
    a.href = href(docPath(index, doc));
    fill(a, doc[2], marked(doc[2], matches));
    setLang(a, doc[3], index, doc[2]);
    head.appendChild(a);
    li.appendChild(head);
    var meta = document.createElement("p");
    meta.className = "search-result-meta";
    meta.textContent = index.raw.collections[doc[0]][1] + (doc[3] ? " · " + index.raw.ui["in"][doc[3]] : "");
    li.appendChild(meta);
    var size = withHeading ? SNIPPET : SNIPPET / 2;
    var text = snippet(doc[4], matches, size) || snippet(doc[5], matches, size) ||
      snippet(doc[4] || doc[5], function () { return true; }, size);
    if (text) text[1] = text[1].filter(function (m) { return matches(text[0].slice(m[0], m[1])); });
    if (text && text[0]) {
      var p = document.createElement("p");
      p.className = "search-result-snippet";
      setLang(p, doc[3], index, text[0]);
      fill(p, text[0], text[1]);
      li.appendChild(p);
    }
    return li;
  }

  function setup(form) {
    var kind = form.getAttribute("data-search");
    var input = form.querySelector("input[type=search]");
    var scope = kind === "page" ? document.querySelector("main") || document : form;
    var status = scope.querySelector("[data-search-status]");
    var list = scope.querySelector(".search-results");
    var box = kind === "page" ? document.querySelector(".search-section") : form.querySelector(".search-popup");
    if (!input || !status || !list || !box) return;
    var shown = "";
    var moreButton = document.createElement("button");
    if (kind === "page") {
      moreButton.type = "button";
      moreButton.className = "search-more";
      moreButton.hidden = true;
      box.appendChild(moreButton);
    }

    function close() {
      if (kind === "header") box.hidden = true;
    }

    /**
     * Looks `q` up and shows the results: the index, then the parts for the query's words,
     * then the docs of the first screenful (HEADER_MAX results; the part of a prefix
     * typed alone carries those). Gives up at each step when the reader has typed on.
     */
    function run() {
      var q = input.value;
      if (q === shown) return;
      var stale = function () { return input.value !== q; };
      loadIndex().then(function (index) {
        if (stale()) return;
        return loadParts(index, partsFor(index, q)).then(function () {
          if (stale()) return;
          var hits = q.trim() ? search(index, q) : [];
          return loadParts(index, docParts(index, hits.slice(0, HEADER_MAX))).then(function () {
            if (!stale()) show(index, q, hits);
          });
        });
      }).catch(function (err) {
        if (err && err.missingPart && !reloaded) {
          reloadIndex();
          run();
        } else {
          failed(err);
        }
      });
    }

    function failed(err) {
      status.textContent = "";
      if (self.console) console.error("search:", err);
    }

    function show(index, q, hits) {
      shown = q;
      if (kind === "page") {
        try { history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname); } catch (e) { /* file:// */ }
      }
      list.textContent = "";
      if (!q.trim()) {
        status.textContent = "";
        box.hidden = true;
        return;
      }
      var matches = matcher(q);
      var shownCount = 0, wanted = 0;
      var all = null;
      if (kind === "header") {
        all = document.createElement("li");
        all.className = "search-all";
        var a = document.createElement("a");
        a.href = searchUrl(q);
        a.textContent = index.raw.ui.all + " (" + formatCount(index.raw.num, hits.length) + ")";
        all.appendChild(a);
        list.appendChild(all);
      }
      /** Adds the wanted results whose docs are here, in order; the first added. */
      function render() {
        var first = null;
        while (shownCount < wanted && docParts(index, [hits[shownCount]]).length === 0) {
          var li = resultItem(index, hits[shownCount], matches, kind === "page");
          first = first || li;
          list.insertBefore(li, all);
          shownCount++;
        }
        if (kind === "page") moreButton.hidden = wanted >= hits.length;
        return first;
      }
      /** Asks for `step` more results: those whose docs are here at once, the rest when
       *  their docs arrive. Resolves to the first result added. */
      function more(step) {
        wanted = Math.min(hits.length, wanted + step);
        var first = render();
        var missing = docParts(index, hits.slice(shownCount, wanted));
        if (!missing.length) return Promise.resolve(first);
        return loadParts(index, missing).then(function () {
          if (shown !== q) return null;
          return render() || first;
        });
      }
      if (kind === "page") {
        moreButton.textContent = index.raw.ui.more;
        moreButton.onclick = function () {
          more(PAGE_STEP).then(function (first) {
            // Keyboard and screen-reader users go on reading from the first new result.
            var link = first && first.querySelector("a");
            if (link) link.focus();
          }).catch(failed);
        };
      }
      more(kind === "page" ? PAGE_STEP : HEADER_MAX).catch(failed);
      status.textContent = countText(index, hits.length);
      box.hidden = kind === "page" ? hits.length === 0 : false;
    }

    input.addEventListener("input", run);
    input.addEventListener("focus", function () { loadIndex().catch(function () {}); });
    if (kind === "page") {
      form.addEventListener("submit", function (e) { e.preventDefault(); shown = null; run(); });
      var q = new URLSearchParams(location.search).get("q");
      if (q) input.value = q;
      if (input.value) run();
      // The reader came to search: fetch the index while the page is idle.
      else (self.requestIdleCallback || setTimeout)(function () { loadIndex().catch(function () {}); });
    } else {
      // Arrow keys move between the input and the results; Escape closes the list.
      form.addEventListener("keydown", function (e) {
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        var at = links.indexOf(document.activeElement);
        if (e.key === "Escape") {
          if (!box.hidden) { close(); input.focus(); e.preventDefault(); }
        } else if (e.key === "ArrowDown" && links.length && input.value) {
          box.hidden = false;
          links[Math.min(at + 1, links.length - 1)].focus();
          e.preventDefault();
        } else if (e.key === "ArrowUp" && at >= 0) {
          if (at === 0) input.focus(); else links[at - 1].focus();
          e.preventDefault();
        }
      });
      form.addEventListener("focusout", function (e) {
        if (!e.relatedTarget || !form.contains(e.relatedTarget)) close();
      });
      if (input.value) run();
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-search]"), setup);
  // The work every first keystroke would otherwise begin with: compiling the word patterns
  // (Unicode property classes) and the plural rules. The script loads when the reader
  // reaches for the box, before the first key.
  terms("\u05D0\u0627a");
  plurals = new Intl.PluralRules(lang);
})();
