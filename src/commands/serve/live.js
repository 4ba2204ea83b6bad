// Added by `sulam serve` to every page; never part of a built site.
// Reloads the page when one of its files changed, and shows the build's mistakes over the
// page, in the terminal's words, until they are fixed.
(function () {
  "use strict";
  var here = location.pathname.replace(/^\/+/, "");
  var page = here === "" || here.endsWith("/") ? here + "index.html" : here;
  var dir = page.slice(0, page.lastIndexOf("/") + 1);

  function concerns(changed) {
    // Sulam's own pages (the translation status) are read from the files: any change counts.
    if (page.indexOf("_sulam/") === 0) return changed.length > 0;
    return changed.some(function (p) {
      return p === page || (/\.(css|js)$/.test(p) && p.indexOf("search/") !== 0) || (dir !== "" && p.indexOf(dir) === 0 && p.indexOf("/", dir.length) === -1);
    });
  }

  function show(problems) {
    var errors = problems.filter(function (p) { return p.severity === "error"; });
    var box = document.getElementById("sulam-problems");
    if (errors.length === 0) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "sulam-problems";
      box.setAttribute("role", "alert");
      box.setAttribute("lang", "en");
      box.setAttribute("dir", "ltr");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
        "background:#fff;color:#111;border-top:6px solid #b00020;padding:1rem 1.25rem;font:15px/1.5 system-ui,sans-serif;" +
        "box-shadow:0 -4px 24px rgba(0,0,0,.3)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var h = document.createElement("h2");
    h.style.cssText = "margin:0 0 .5rem;font-size:1.1rem;color:#b00020";
    h.textContent = errors.length + (errors.length === 1 ? " mistake" : " mistakes") +
      " — the page shows the last good build. Fix the file and save; this goes away.";
    var pre = document.createElement("pre");
    pre.style.cssText = "margin:0;white-space:pre-wrap;unicode-bidi:plaintext;font:14px/1.5 ui-monospace,monospace";
    pre.textContent = errors.map(function (p) { return p.text; }).join("\n\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.cssText = "margin-top:.75rem;font:inherit;padding:.25rem .75rem";
    close.addEventListener("click", function () { box.remove(); });
    box.append(h, pre, close);
  }

  fetch("/_sulam/problems", { cache: "no-store" })
    .then(function (r) { return r.json(); })
    .then(function (j) { show(j.problems); })
    .catch(function () {});

  var source = new EventSource("/_sulam/events");
  source.addEventListener("update", function (e) {
    var data = JSON.parse(e.data);
    show(data.problems);
    var failed = data.problems.some(function (p) { return p.severity === "error"; });
    if (!failed && concerns(data.changed)) location.reload();
  });
})();
