// Sulam video: a YouTube or Vimeo video in a page is a link to the video's own page, and
// nothing is asked of YouTube or Vimeo until the reader presses play. This script (loaded by
// sulam.js only on pages with a video) shows a play button in the link's place; the press
// puts the player there, at the host's privacy-enhanced address, and moves focus into it.
//
// The player's address is built here from the host's name and an id this script checks
// itself, never taken from the page: an author's raw HTML can carry any data- attribute, so
// `data-video-id="x?y"` or a made-up host gives no player at all. The same rules as
// src/text/markdown/video.rs.
(function () {
  "use strict";
  var HOSTS = {
    youtube: {
      id: /^[A-Za-z0-9_-]{11}$/,
      player: function (id) { return "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1"; },
    },
    vimeo: {
      id: /^[0-9]{1,12}$/,
      player: function (id) { return "https://player.vimeo.com/video/" + id + "?dnt=1&autoplay=1"; },
    },
  };

  /** The player's address for a host's name and a video's id, or null if either is wrong. */
  function playerAddress(host, id) {
    if (typeof host !== "string" || typeof id !== "string") return null;
    if (!Object.prototype.hasOwnProperty.call(HOSTS, host)) return null;
    var h = HOSTS[host];
    return h.id.test(id) ? h.player(id) : null;
  }

  function play(box, button, address) {
    var frame = document.createElement("iframe");
    frame.src = address;
    var title = box.querySelector(".video-title");
    frame.title = (title || button).textContent;
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    // YouTube's player needs to know which site it is on (its origin, not the page).
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    button.hidden = true;
    box.appendChild(frame);
    frame.focus();
  }

  if (typeof document !== "undefined") {
    Array.prototype.forEach.call(document.querySelectorAll("div.video[data-video-host]"), function (box) {
      var address = playerAddress(box.getAttribute("data-video-host"), box.getAttribute("data-video-id"));
      var link = box.querySelector("a.video-poster");
      var button = box.querySelector("button.video-poster");
      if (!address || !button || box.hasAttribute("data-video-ready")) return;
      box.setAttribute("data-video-ready", "");
      button.addEventListener("click", function () { play(box, button, address); });
      button.hidden = false;
      if (link) link.hidden = true;
    });
  }
  self.SulamVideo = { playerAddress: playerAddress };
})();
