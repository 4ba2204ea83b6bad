// Sulam language chooser: remembers the reader's choice and, on a first visit, follows the
// browser's languages. Without JavaScript the chooser is a plain list of links.
(function () {
  "use strict";
  var KEY = "sulam-lang";
  function remember(code) {
    try { localStorage.setItem(KEY, code); } catch (e) { /* storage may be off */ }
  }
  // On every page: choosing a language in the switcher is remembered for the next visit.
  Array.prototype.forEach.call(document.querySelectorAll("nav.languages a[hreflang]"), function (a) {
    a.addEventListener("click", function () { remember(a.getAttribute("hreflang")); });
  });
  // The header's search box loads search.js (and it the index) on first use only: when the
  // pointer or a finger reaches the box, a moment before it is focused, or on focus.
  var me = document.currentScript;
  var box = document.querySelector("form[data-search] input[type=search]");
  if (box && me) {
    var load = function () {
      if (window.SulamSearch || document.querySelector("script[data-sulam-search]")) return;
      // The index and the script that reads it load side by side.
      var index = document.createElement("script");
      index.src = new URL("search/" + document.documentElement.lang + ".js", me.src).href;
      index.setAttribute("data-sulam-index", "");
      index.onerror = function () { index.setAttribute("data-failed", ""); };
      document.head.appendChild(index);
      var s = document.createElement("script");
      s.src = new URL("search.js", me.src).href;
      s.setAttribute("data-sulam-search", "");
      document.head.appendChild(s);
    };
    box.addEventListener("pointerenter", load);
    box.addEventListener("touchstart", load, { passive: true });
    box.addEventListener("focus", load);
    box.addEventListener("input", load);
  }
  // A page with a video (a link to it until played) loads video.js, which makes the play button.
  if (me && document.querySelector("div.video[data-video-host]")) {
    var v = document.createElement("script");
    v.src = new URL("video.js", me.src).href;
    document.head.appendChild(v);
  }
  var list = document.querySelector("[data-sulam-chooser]");
  if (!list) return;
  var links = Array.prototype.slice.call(list.querySelectorAll("a[data-lang]"));
  var byLang = {};
  links.forEach(function (a) { byLang[a.getAttribute("data-lang")] = a.href; });
  links.forEach(function (a) {
    a.addEventListener("click", function () { remember(a.getAttribute("data-lang")); });
  });
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; }
  if (saved && byLang[saved]) { location.replace(byLang[saved]); return; }
  var prefs = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < prefs.length; i++) {
    var code = String(prefs[i]).toLowerCase().split("-")[0];
    if (code === "iw") code = "he";
    if (byLang[code]) { location.replace(byLang[code]); return; }
  }
})();
