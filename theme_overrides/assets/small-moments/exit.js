/* Small Moments: quick exit. The Leave button, or Escape pressed twice, replaces this page
   with a blank one; location.replace keeps Back from returning here. */
(function (SM) {
  "use strict";

  var NEUTRAL = "about:blank";
  var WINDOW_MS = 1000;
  var lastEscape = 0;

  SM.leave = function () {
    window.location.replace(NEUTRAL);
  };

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".sm-quick-exit");
    if (!link) return;
    event.preventDefault();
    SM.leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat) return;
    var now = Date.now();
    if (now - lastEscape <= WINDOW_MS) SM.leave();
    lastEscape = now;
  }, true);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
