/* Small Moments: done and in-progress marks on the links to exercises, in the menu and in the
   lists that ask for them (a.sm-exercise-link: the Exercises index, the catalog), from what is
   saved; again whenever it changes. menu.js loads this script once something is saved. */
(function (SM) {
  "use strict";

  /* "done" (finished) or "started" for an exercise id, from what is saved, or null. */
  function stateOf(saved, id) {
    var entry = saved[id];
    if (!entry || !Object.keys(entry.answers).length) return null;
    return entry.finishedAt ? "done" : "started";
  }

  var WORDS = { done: "Done", started: "In progress" };

  /* Mark every link to an exercise page, with words (hidden in the menu, where a tick shows). */
  function mark(root) {
    var saved = SM.store.get("exercises");
    var pattern = SM.settings().exercisePage || "";
    var ids = Object.keys(saved);
    document.querySelectorAll(".md-sidebar--primary a.md-nav__link[href], a.sm-exercise-link")
      .forEach(function (link) {
        var inMenu = link.classList.contains("md-nav__link");
        var old = inMenu ? link.querySelector(".sm-mark") : link.nextElementSibling;
        if (old && old.classList.contains("sm-mark")) old.remove();
        var path = new URL(link.getAttribute("href"), location.href).pathname;
        var id = ids.filter(function (each) {
          return path.endsWith("/" + pattern.replace("{id}", each));
        })[0];
        var state = id && stateOf(saved, id);
        if (!state) return;
        var badge = document.createElement("span");
        badge.className = "sm-mark sm-mark--" + state;
        var words = document.createElement("span");
        words.className = inMenu ? "sm-visually-hidden" : "sm-mark__words";
        words.textContent = (inMenu ? ", " : "") + WORDS[state];
        badge.appendChild(words);
        if (inMenu) link.appendChild(badge);
        else link.after(badge);
      });
  }

  SM.register("marks", function (root) {
    mark(root);
    SM.listen(root, "sm:stored", function () { mark(root); });
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
