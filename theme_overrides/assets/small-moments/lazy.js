/* Small Moments: scripts for one page only (tracker, planner, catalog, My progress...) load when
   a page asks for them with data-sm-scripts="name ...", so exercise pages stay light. */
(function (SM) {
  "use strict";

  var self = document.currentScript;
  var base = self ? self.src.replace(/[^/]*$/, "") : "";
  var requested = {};

  function add(name, last) {
    var script = document.createElement("script");
    script.src = base + name + ".js";
    script.async = false; /* run in the order added: ics before planner */
    if (last) script.addEventListener("load", function () { SM.enhance(document); });
    document.body.appendChild(script);
  }

  /* Called by SM.enhance; enhancing again once the last new script has run finishes the page. */
  SM.lazy = function (root) {
    var names = [];
    root.querySelectorAll("[data-sm-scripts]").forEach(function (element) {
      element.getAttribute("data-sm-scripts").split(/\s+/).forEach(function (name) {
        if (/^[a-z-]+$/.test(name) && !requested[name]) {
          requested[name] = true;
          names.push(name);
        }
      });
    });
    names.forEach(function (name, index) { add(name, index === names.length - 1); });
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
