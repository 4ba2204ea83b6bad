// Sulam initiative filters: with JavaScript, the list filters at once as boxes are ticked.
// Within a facet any ticked value will do; across facets all must hold. The choice is kept in
// the address (?domain=education&town=sderot) so that it can be shared and survives a reload,
// and the new count is announced (role="status") in the page's language: the sentences for
// each plural category come rendered from Fluent; Intl.PluralRules picks the category.
// Without JavaScript the form stays hidden and its links lead to a page per value.
(function () {
  "use strict";
  var form = document.querySelector("[data-sulam-filters]");
  var list = document.querySelector("[data-sulam-filter-list]");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.children);
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  // The announcement (role="status") and the count in the page's header.
  var count = document.querySelector("[data-sulam-count]");
  var shownCount = document.querySelector(".entry-header .count");
  var none = document.querySelector("[data-sulam-none]");
  var browse = document.querySelector("[data-sulam-browse]");
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

  function apply(announce) {
    var by = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var show = matches(item, by);
      item.hidden = !show;
      if (show) shown++;
    });
    if (none) none.hidden = shown !== 0;
    if (count && announce) {
      count.textContent = countText(shown);
      if (shownCount) shownCount.textContent = count.textContent;
    }
    var query = new URLSearchParams();
    boxes.forEach(function (b) { if (b.checked) query.append(b.name, b.value); });
    var qs = query.toString();
    history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
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
})();
