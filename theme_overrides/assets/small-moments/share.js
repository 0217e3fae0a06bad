/* Small Moments: copy a link to the clipboard, saying what happened to screen readers too. */
(function (SM) {
  "use strict";

  /* The absolute address of a site page: under the published address when one is set. */
  SM.absolute = function (href, publicUrl) {
    return new URL(href, publicUrl || window.location.href).href;
  };

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "sm-visually-hidden";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) { /* not allowed: the caller shows the link instead */ }
    field.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  /* Copy text; resolves when copied, rejects when the browser refuses. */
  SM.copy = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
