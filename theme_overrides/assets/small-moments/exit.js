/* Small Moments: quick exit. The Leave button, or Escape pressed twice, replaces this page
   with the neutral page its link names (mkdocs.yml, extra.quick_exit); location.replace keeps
   Back from returning to this page. An Escape that closes something (search, a definition, the
   menu, a dialog) does not count toward the two. */
(function (SM) {
  "use strict";

  var WINDOW_MS = 1000;
  var lastEscape = 0;
  var closing = false;

  function target() {
    var link = document.querySelector(".sm-quick-exit");
    return link ? link.href : "about:blank";
  }

  SM.leave = function () {
    document.documentElement.hidden = true;
    window.location.replace(target());
  };

  /* What an Escape press would close: Material's search and menu drawer, an open dialog or
     glossary definition, or an expanded control that has focus. */
  function somethingOpen() {
    var toggles = document.querySelectorAll("#__search, #__drawer");
    for (var i = 0; i < toggles.length; i += 1) {
      if (toggles[i].checked) return true;
    }
    if (document.querySelector("dialog[open], [role='tooltip']:not([hidden])")) return true;
    var active = document.activeElement;
    return !!(active && active.closest && active.closest("[aria-expanded='true'], dialog, [role='dialog'][aria-modal='true']"));
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".sm-quick-exit");
    if (!link) return;
    event.preventDefault();
    SM.leave();
  });

  /* Capture: note whether something is open before any handler closes it. */
  window.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closing = somethingOpen();
  }, true);

  /* Bubble: count the press only when it closed nothing and no handler claimed it. */
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) return;
    if (closing || event.defaultPrevented) {
      lastEscape = 0;
      return;
    }
    var now = Date.now();
    if (now - lastEscape <= WINDOW_MS) SM.leave();
    lastEscape = now;
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
