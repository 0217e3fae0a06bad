/* Small Moments: scripts for one page only (tracker, planner, catalog, My progress...) load when
   a page asks for them with data-sm-scripts="name ...", so exercise pages stay light. */
(function (SM) {
  "use strict";

  var self = document.currentScript;
  var base = self ? self.src.replace(/[^/]*$/, "") : "";
  var requested = Object.create(null);

  function add(name) {
    var script = document.createElement("script");
    script.src = base + name + ".js";
    script.async = false; /* run in the order added: ics before planner */
    document.body.appendChild(script);
  }

  /* A step of every start-up pass; each script starts its feature when it registers. */
  SM.onStart(function (root) {
    var names = [];
    root.querySelectorAll("[data-sm-scripts]").forEach(function (element) {
      element.getAttribute("data-sm-scripts").split(/\s+/).forEach(function (name) {
        if (/^[a-z-]+$/.test(name) && !requested[name]) {
          requested[name] = true;
          names.push(name);
        }
      });
    });
    names.forEach(add);
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
