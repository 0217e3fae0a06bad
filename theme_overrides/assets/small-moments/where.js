/* Small Moments: whether a link made on this page would open only on this device. The build
   passes its one public address (SITE_URL, empty without one) in data-sm-public-url; a link is
   made under that address, or else under this page's own. It opens only here when that base
   is a file:// page or this computer (localhost). Each element with data-sm-module="where" is
   shown exactly then; a page's other scripts ask SM.onlyHere(publicUrl). */
(function (SM) {
  "use strict";

  var THIS_COMPUTER = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$/;

  SM.onlyHere = function (publicUrl) {
    var base = new URL(publicUrl || window.location.href, window.location.href);
    return base.protocol === "file:" || THIS_COMPUTER.test(base.hostname);
  };

  SM.register("where", function (element) {
    element.hidden = !SM.onlyHere(element.getAttribute("data-sm-public-url") || "");
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
