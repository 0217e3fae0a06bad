/* Small Moments: whether a link made on this page would open only on this device. The build
   passes its one public address (SITE_URL, empty without one) in data-sm-public-url; a link is
   made under that address, or else under this page's own. It opens only here when that base
   is a file:// page or this computer (localhost). Each element with data-sm-module="where" is
   shown exactly then. */
window.SmallMoments.register("where", function (element) {
  "use strict";
  var base = new URL(element.getAttribute("data-sm-public-url") || location.href, location.href);
  element.hidden = base.protocol !== "file:" && !/^(localhost|127\.[\d.]+|\[::1\])$/.test(base.hostname);
});
