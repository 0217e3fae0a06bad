/* Small Moments: the counselors' catalog (filter by practice, copy links, make an assignment). */
(function (SM) {
  "use strict";

  function filter(catalog) {
    var practice = catalog.querySelector(".sm-catalog__practice").value;
    var items = Array.from(catalog.querySelectorAll(".sm-catalog__item"));
    var shown = items.filter(function (item) {
      var match = !practice || item.getAttribute("data-sm-practice") === practice;
      item.hidden = !match;
      return match;
    });
    catalog.querySelector(".sm-catalog__count").textContent =
      "Showing " + shown.length + " of " + items.length + " exercises.";
  }

  /* `field`: the visible field that already holds the link (the assignment link), if any. */
  function copyLink(catalog, button, link, status, field) {
    SM.copyFrom(button, link, { field: field, after: button.parentNode }).then(function (copied) {
      status.textContent = copied ? "Link copied: " + link :
        "This browser did not let the page copy. The link is selected in a field: copy it from there. " + link;
    });
  }

  function makeAssignment(catalog, publicUrl) {
    var box = catalog.querySelector(".sm-assign");
    var status = box.querySelector(".sm-assign__status");
    var picks = Array.from(catalog.querySelectorAll(".sm-catalog__pick:checked"));
    if (!picks.length) {
      status.textContent = "Tick at least one exercise above first.";
      catalog.querySelector(".sm-catalog__item:not([hidden]) .sm-catalog__pick").focus();
      return;
    }
    var note = box.querySelector(".sm-assign__note").value.trim();
    var params = new URLSearchParams();
    params.set("a", picks.map(function (pick) { return pick.value; }).join(","));
    if (note) params.set("note", note);
    var link = SM.absolute("assignment.html", publicUrl) + "#" + params.toString();
    var field = box.querySelector(".sm-assign__link");
    field.value = link;
    box.querySelector(".sm-assign__open").href = "assignment.html#" + params.toString();
    box.querySelector(".sm-assign__result").hidden = false;
    status.textContent = "Your link is ready. It lists " + picks.length +
      (picks.length === 1 ? " exercise" : " exercises") + (note ? " and your note." : ".");
    field.focus();
    field.select();
  }

  function start(catalog) {
    var publicUrl = catalog.getAttribute("data-sm-public-url");
    var status = catalog.querySelector(".sm-catalog__status");
    catalog.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    catalog.querySelectorAll(".sm-catalog__filter, .sm-catalog__actions, .sm-assign")
      .forEach(function (node) { node.hidden = false; });
    catalog.querySelector(".sm-catalog__practice").addEventListener("change", function () {
      filter(catalog);
    });
    catalog.querySelectorAll(".sm-catalog__actions .sm-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        copyLink(catalog, button, SM.absolute(button.getAttribute("data-sm-href"), publicUrl), status);
      });
    });
    catalog.querySelector(".sm-assign__make").addEventListener("click", function () {
      makeAssignment(catalog, publicUrl);
    });
    catalog.querySelector(".sm-assign__copy").addEventListener("click", function () {
      var field = catalog.querySelector(".sm-assign__link");
      copyLink(catalog, this, field.value, catalog.querySelector(".sm-assign__status"), field);
    });
    filter(catalog);
  }

  SM.register("catalog", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
