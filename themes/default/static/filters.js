// Sulam initiative filters: with JavaScript, the list filters at once as boxes are ticked.
// Within a facet any ticked value will do; across facets all must hold. The choice is kept in
// the address (?domain=education&town=sderot) so that it can be shared and survives a reload,
// and the new count is announced (role="status") in the page's language: the sentences for
// each plural category come rendered from Fluent; Intl.PluralRules picks the category.
// A list split into pages names the cards of every initiative (data-sulam-cards, a JSON file
// written with the site): the first choice fetches them, and while a filter is on they stand
// in for the page's own cards and the pages' navigation is hidden; clearing the filters puts
// the page back. Without JavaScript the form stays hidden and its links lead to a page per
// value. The boxes are written on the list's first page only (data-sulam-facets-from on the
// further pages): they are taken from there, and if that fails the page stays as it is
// without JavaScript.
(function () {
  "use strict";
  var form = document.querySelector("[data-sulam-filters]");
  var list = document.querySelector("[data-sulam-filter-list]");
  if (!form || !list) return;
  var facetsFrom = form.getAttribute("data-sulam-facets-from");
  if (facetsFrom && !form.querySelector(".facets")) {
    fetch(facetsFrom)
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        var first = new DOMParser().parseFromString(html, "text/html");
        var facets = first.querySelector("[data-sulam-filters] .facets");
        if (!facets) return;
        form.insertBefore(document.importNode(facets, true), form.firstChild);
        start(form, list);
      })
      .catch(function () {});
  } else {
    start(form, list);
  }

  // The form and the list, once the boxes are in the form.
  function start(form, list) {
    var pageItems = Array.prototype.slice.call(list.children);
    var shownItems = pageItems;
    var cardsUrl = list.getAttribute("data-sulam-cards");
    var allItems = null;
    var loading = null;
    // Each change gets a number; a fetch that ends after a later change shows nothing.
    var latest = 0;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    // The announcement (role="status") and the count in the page's header.
    var count = document.querySelector("[data-sulam-count]");
    var shownCount = document.querySelector(".entry-header .count");
    var wholeCount = shownCount ? shownCount.textContent : "";
    var none = document.querySelector("[data-sulam-none]");
    var browse = document.querySelector("[data-sulam-browse]");
    var pager = document.querySelector("[data-sulam-pager]");
    var lang = document.documentElement.lang || "en";
    var plural = null;
    try { plural = new Intl.PluralRules(lang); } catch (e) { plural = null; }

    function countText(n) {
      var category = plural ? plural.select(n) : "other";
      var form = count.getAttribute("data-count-" + category);
      if (form === null) form = count.getAttribute("data-count-other") || String(n);
      return form.split("{n}").join(String(n));
    }

    function chosen() {
      var by = {};
      boxes.forEach(function (b) {
        if (b.checked) (by[b.name] = by[b.name] || []).push(b.value);
      });
      return by;
    }

    function matches(item, by) {
      return Object.keys(by).every(function (facet) {
        var have = (item.getAttribute("data-" + facet) || "").split(" ");
        return by[facet].some(function (v) { return have.indexOf(v) !== -1; });
      });
    }

    // The cards of every initiative, fetched once; the page's own when there are none to fetch
    // or the fetch fails (then a later choice tries again).
    function everyCard() {
      if (!cardsUrl) return Promise.resolve(pageItems);
      if (allItems) return Promise.resolve(allItems);
      if (!loading) {
        loading = fetch(cardsUrl)
          .then(function (r) {
            if (!r.ok) throw new Error(r.status);
            return r.json();
          })
          .then(function (data) {
            var t = document.createElement("template");
            t.innerHTML = data.cards;
            allItems = Array.prototype.slice.call(t.content.children);
            return allItems;
          })
          .catch(function () {
            loading = null;
            return pageItems;
          });
      }
      return loading;
    }

    function show(items) {
      if (items === shownItems) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (item) { list.appendChild(item); });
      shownItems = items;
    }

    function keepInAddress() {
      var query = new URLSearchParams();
      boxes.forEach(function (b) { if (b.checked) query.append(b.name, b.value); });
      var qs = query.toString();
      history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
    }

    function apply(announce) {
      var by = chosen();
      var filtering = Object.keys(by).length > 0;
      var mine = ++latest;
      keepInAddress();
      (filtering ? everyCard() : Promise.resolve(pageItems)).then(function (items) {
        if (mine !== latest) return;
        show(items);
        if (pager) pager.hidden = filtering && items !== pageItems;
        var shown = 0;
        items.forEach(function (item) {
          var ok = matches(item, by);
          item.hidden = !ok;
          if (ok) shown++;
        });
        if (none) none.hidden = shown !== 0;
        if (count && announce) {
          // With nothing chosen the list is whole again: its own count, not this page's.
          count.textContent = filtering ? countText(shown) : wholeCount;
          if (shownCount) shownCount.textContent = count.textContent;
        }
      });
    }

    // Restore a shared or reloaded address.
    var params = new URLSearchParams(location.search);
    var restored = false;
    boxes.forEach(function (b) {
      if (params.getAll(b.name).indexOf(b.value) !== -1) {
        b.checked = true;
        restored = true;
        var details = b.closest("details");
        if (details) details.open = true;
      }
    });

    form.hidden = false;
    if (browse) browse.hidden = true;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () {
      // After the reset has unticked the boxes.
      setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    if (restored) apply(true);
  }
})();
