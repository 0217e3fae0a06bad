/* Small Moments: copy a link to the clipboard, saying what happened on the button itself and to
   screen readers; when the browser refuses, the text is shown in a field to copy by hand. */
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

  var DONE_FOR_MS = 3000;

  /* The button says `done` ("Link copied") for a few seconds, then its own words again. */
  function confirm(button, done) {
    if (!button.smLabel) {
      button.smLabel = { text: button.textContent, aria: button.getAttribute("aria-label") };
    }
    var label = button.smLabel;
    clearTimeout(button.smTimer);
    button.textContent = done;
    if (label.aria) button.setAttribute("aria-label", done + " (" + label.aria + ")");
    button.smTimer = setTimeout(function () {
      button.textContent = label.text;
      if (label.aria) button.setAttribute("aria-label", label.aria);
      else button.removeAttribute("aria-label");
    }, DONE_FOR_MS);
  }

  /* A read-only field after `after`, holding `text`, selected and focused to copy by hand. */
  function showField(after, text, labelText) {
    var next = after.nextElementSibling;
    var box = next && next.classList.contains("sm-copy-fallback") ? next : null;
    if (!box) {
      box = document.createElement("p");
      box.className = "sm-copy-fallback";
      var label = document.createElement("label");
      var field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "sm-copy-fallback__field sm-assign__link";
      label.appendChild(document.createTextNode(labelText + " "));
      label.appendChild(field);
      box.appendChild(label);
      after.insertAdjacentElement("afterend", box);
    }
    var input = box.querySelector("input");
    input.value = text;
    input.focus();
    input.select();
    return input;
  }

  /* Copy `text` for `button`: its label says `done` when copied; when the browser refuses,
     `field` (a visible read-only field holding the text) is selected and focused, or else one
     is added after `after` (default: the button). Resolves true when copied, false if not. */
  SM.copyFrom = function (button, text, options) {
    options = options || {};
    return SM.copy(text).then(function () {
      confirm(button, options.done || "Link copied");
      return true;
    }, function () {
      if (options.field) {
        options.field.focus();
        options.field.select();
      } else {
        showField(options.after || button, text, options.fieldLabel || "This browser did not let the page copy. Copy the link from here:");
      }
      return false;
    });
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
