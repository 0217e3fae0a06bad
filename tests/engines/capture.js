/* Collects script errors for tests/engines in engines whose driver gives no console access.
   Installed before the page's own scripts where the driver allows it (or written into the
   page's <head> by the test server and the file:// copy); read back as window.__smErrors. */
(function () {
  "use strict";
  if (window.__smErrors) return;
  var errors = window.__smErrors = [];
  function describe(value) {
    if (value && value.message) {
      var stack = String(value.stack || "").split("\n").slice(0, 3).join(" | ");
      return String(value.message) + (stack ? " (" + stack + ")" : "");
    }
    return String(value);
  }
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      errors.push("failed to load " + (target.src || target.href));
      return;
    }
    /* Not a script error: the notice (HTML's "report the exception" for ResizeObserver) that
       sizes changed again inside an observer's callback and wait for the next frame. WebKit
       reports Material's header and sidebar observers this way when a frame comes late. */
    if (!event.error && /^ResizeObserver loop/.test(event.message || "")) return;
    errors.push("error: " + (event.message || describe(event.error)) +
      (event.filename ? " at " + event.filename + ":" + event.lineno : ""));
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    errors.push("unhandled rejection: " + describe(event.reason));
  });
  var original = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.map.call(arguments, describe).join(" "));
    return original.apply(console, arguments);
  };
})();
