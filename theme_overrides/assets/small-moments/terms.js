/* Small Moments: glossary terms show their definition on focus as well as on hover.
   The first use of each term on a page joins the tab order; its title is the definition. */
(function (SM) {
  "use strict";

  SM.enhanceTerms = function (root) {
    var seen = {};
    root.querySelectorAll(".md-content abbr[title]").forEach(function (term) {
      var definition = term.getAttribute("title");
      if (term.hasAttribute("data-sm-term")) {
        seen[definition] = true;
        return;
      }
      if (seen[definition] || term.closest("a, h1, h2, h3, h4, h5, h6, summary, label")) return;
      seen[definition] = true;
      term.setAttribute("data-sm-term", definition);
      term.setAttribute("tabindex", "0");
    });
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
