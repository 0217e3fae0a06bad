/* Small Moments quiz: small DOM helpers shared by the question kinds (text only, never HTML). */
(function (SM) {
  "use strict";

  /* Append text, a copy of a node, or a list of both to an element; never parses HTML. */
  function append(element, parts) {
    (Array.isArray(parts) ? parts : [parts]).forEach(function (part) {
      element.appendChild(typeof part === "string" ? document.createTextNode(part) : part.cloneNode(true));
    });
  }

  /* Append a paragraph of text (or copied nodes) to a region. */
  SM.say = function (region, className, text) {
    var paragraph = document.createElement("p");
    paragraph.className = className;
    append(paragraph, text);
    region.appendChild(paragraph);
    return paragraph;
  };

  /* Append a list whose items read "label text", the label in bold. */
  SM.list = function (region, tag, entries) {
    var list = document.createElement(tag || "ul");
    list.className = "sm-feedback__list";
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      if (entry.label) {
        var label = document.createElement("strong");
        label.textContent = entry.label + " ";
        item.appendChild(label);
      }
      append(item, entry.text);
      list.appendChild(item);
    });
    region.appendChild(list);
    return list;
  };

  /* Mark an element with a short word badge, so marks never rely on colour alone. */
  SM.badge = function (element, text, modifier) {
    var span = document.createElement("span");
    span.className = "sm-badge sm-badge--" + modifier;
    span.textContent = text;
    element.appendChild(span);
    element.classList.add("sm-mark--" + modifier);
  };

  /* Remove every badge and mark from a question. */
  SM.clearMarks = function (question) {
    question.querySelectorAll(".sm-badge").forEach(function (node) { node.remove(); });
    question.querySelectorAll("[class*='sm-mark--']").forEach(function (node) {
      Array.from(node.classList).forEach(function (name) {
        if (name.indexOf("sm-mark--") === 0) node.classList.remove(name);
      });
    });
  };

  /* The text of an element of the (hidden) answer, by selector. */
  SM.text = function (root, selector) {
    var node = root.querySelector(selector);
    return node ? node.textContent.trim() : "";
  };

  /* A copy of an element's content (emphasis and links kept), by selector. */
  SM.content = function (root, selector) {
    var fragment = document.createDocumentFragment();
    var node = root.querySelector(selector);
    if (node) append(fragment, Array.from(node.childNodes));
    return fragment;
  };

  /* Lock or unlock a question's fields (not its buttons). A locked field stays as readable as
     before, and focusable: aria-disabled, with quiz.js refusing changes, not native disabled. */
  SM.lock = function (question, locked) {
    question.querySelectorAll(".sm-form fieldset, .sm-form fieldset input").forEach(function (field) {
      if (locked) field.setAttribute("aria-disabled", "true");
      else field.removeAttribute("aria-disabled");
    });
  };

  /* A list whose entries fold away under a summary: what was right, kept short on a phone. */
  SM.fold = function (region, summary, entries, tag) {
    if (!entries.length) return;
    var details = document.createElement("details");
    var title = document.createElement("summary");
    details.className = "sm-feedback__more";
    title.textContent = summary;
    details.appendChild(title);
    SM.list(details, tag, entries);
    region.appendChild(details);
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
