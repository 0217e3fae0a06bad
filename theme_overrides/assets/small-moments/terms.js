/* Small Moments: glossary terms (abbr, from includes/abbreviations.md). A tap, click, Enter or
   Space on a term shows its definition in one box below the line (above it near the bottom of
   the window), so it never covers the line being read; a second tap, Escape or a tap
   elsewhere closes it. The box is a status region: the definition is announced once, and the
   title is moved off the term so it is not also read as its description. The first use of a
   term on a page joins the tab order. */
(function (SM) {
  "use strict";

  var pop = null;
  var shown = null;

  function box() {
    if (!pop || !pop.isConnected) {
      pop = document.createElement("div");
      pop.className = "sm-term-pop sm-visually-hidden";
      pop.setAttribute("role", "status");
      document.body.appendChild(pop);
    }
    return pop;
  }

  function close() {
    if (!shown) return;
    shown.setAttribute("aria-expanded", "false");
    shown = null;
    box().textContent = "";
    box().className = "sm-term-pop sm-visually-hidden";
  }

  function place(term, node) {
    var rects = term.getClientRects();
    var first = rects[0] || term.getBoundingClientRect();
    var last = rects[rects.length - 1] || first;
    var gap = 6;
    var height = node.offsetHeight;
    var width = node.offsetWidth;
    var top = last.bottom + gap;
    if (top + height > window.innerHeight && first.top - gap - height >= 0) top = first.top - gap - height;
    var left = Math.max(8, Math.min(last.left, document.documentElement.clientWidth - width - 8));
    node.style.top = top + window.scrollY + "px";
    node.style.left = left + window.scrollX + "px";
  }

  function open(term) {
    close();
    shown = term;
    term.setAttribute("aria-expanded", "true");
    var node = box();
    node.className = "sm-term-pop";
    node.textContent = term.getAttribute("data-sm-term");
    place(term, node);
  }

  function toggle(term) {
    if (shown === term) close();
    else open(term);
  }

  function termOf(target) {
    return target && target.closest ? target.closest("abbr[data-sm-term]") : null;
  }

  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (term) toggle(term);
    else if (shown && !(pop && pop.contains(event.target))) close();
  });

  document.addEventListener("keydown", function (event) {
    var term = termOf(event.target);
    if (term && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      toggle(term);
    }
  });

  /* Escape closes an open term first (window, capturing: before the quick exit's listener on
     document); preventDefault tells the quick exit not to count this Escape. */
  window.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      event.preventDefault();
      close();
    }
  }, true);

  window.addEventListener("resize", close);

  /* The marker main.html puts after the article's content: enhance that article's terms. */
  SM.register("terms", function (marker) {
    close();
    var root = marker.parentNode || document;
    if (root.querySelector("abbr[title]")) box(); /* the status region exists before it speaks */
    var seen = Object.create(null);
    root.querySelectorAll("abbr[title]").forEach(function (term) {
      var definition = term.getAttribute("title");
      if (term.closest("a, h1, h2, h3, h4, h5, h6, summary, label, button")) return;
      term.removeAttribute("title");
      term.setAttribute("data-sm-term", definition);
      term.setAttribute("role", "button");
      term.setAttribute("aria-expanded", "false");
      term.setAttribute("tabindex", seen[definition] ? "-1" : "0");
      seen[definition] = true;
    });
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
