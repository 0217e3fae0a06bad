/* Small Moments: the runtime's core. A feature registers a start function under a name
   (SM.register("tracker", start)); the element it enhances says so (data-sm-module="tracker").
   One start-up loop starts each such element once per module, each in its own try/catch, so
   one broken feature never stops the others. It runs when the bundle has run, again when a
   lazily loaded script registers, and on Material's instant navigation (document$); what has
   started is marked, so running it again does nothing twice. */
(function (SM) {
  "use strict";

  var starters = {};
  var hooks = [];
  var settings = null;
  var booted = false;

  /* The limits and lists of generator/limits.py, from the page's JSON block (data, not code). */
  SM.settings = function () {
    if (!settings) {
      settings = {};
      var node = document.getElementById("sm-settings");
      try {
        if (node) settings = JSON.parse(node.textContent) || {};
      } catch (error) {
        console.error("Small Moments: bad settings");
      }
    }
    return settings;
  };

  /* Elements under `root` matching `selector` whose attribute `name` is exactly `value`:
     a value from storage, a file or a link is compared, never put into a selector. */
  SM.find = function (root, selector, name, value) {
    return Array.from(root.querySelectorAll(selector)).filter(function (node) {
      return node.getAttribute(name) === value;
    });
  };

  /* Checks the saved data's rules share. */
  SM.check = {
    isObject: function (value) {
      return value !== null && typeof value === "object" && !Array.isArray(value);
    },
    /* An id as the generator makes them (lowercase words and hyphens). */
    isId: function (value) {
      return typeof value === "string" && value.length <= 100 &&
        new RegExp(SM.settings().idPattern || "^$").test(value);
    },
    isDate: function (value) {
      return typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value);
    }
  };

  /* Tell the page something: a DOM event on document, e.g. "sm:stored". */
  SM.emit = function (type, detail) {
    document.dispatchEvent(new CustomEvent(type, { detail: detail || {} }));
  };

  /* Listen on document for as long as `root` is in the page (instant navigation replaces it). */
  SM.listen = function (root, type, handler) {
    document.addEventListener(type, function listener(event) {
      if (!root.isConnected) document.removeEventListener(type, listener);
      else handler(event);
    });
  };

  function names(element) {
    return (element.getAttribute("data-sm-module") || "").split(/\s+/).filter(Boolean);
  }

  /* Start every module named on every element under `root` that has not started yet. */
  SM.start = function (root) {
    root = root || document;
    hooks.forEach(function (hook) { hook(root); });
    root.querySelectorAll("[data-sm-module]").forEach(function (element) {
      var started = element.smStarted || (element.smStarted = {});
      var wanted = names(element);
      wanted.forEach(function (name) {
        if (started[name] || !starters[name]) return;
        started[name] = "failed";
        try {
          starters[name](element);
          started[name] = "ok";
        } catch (error) {
          console.error("Small Moments: " + name + " did not start", error);
        }
      });
      if (wanted.every(function (name) { return started[name] === "ok"; })) {
        element.setAttribute("data-sm-ready", "");
      }
    });
  };

  /* A feature's start function for the elements that name it; starts them if the page is up. */
  SM.register = function (name, start) {
    starters[name] = start;
    if (booted) SM.start(document);
  };

  /* A step run at the start of every pass (lazy.js: fetch the scripts a page asks for). */
  SM.onStart = function (hook) {
    hooks.push(hook);
  };

  /* The bundle sits at the end of the body, so the page is parsed: start as soon as the whole
     bundle has run (every feature in it has registered). Material's document$ emits after
     instant navigation over http, never on file:// with navigation.instant. */
  Promise.resolve().then(function () {
    booted = true;
    SM.start(document);
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { SM.start(document); });
    }
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
