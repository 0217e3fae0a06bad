/* Small Moments: the workbook page prints a practice's exercises, or a chosen set, as one
   booklet; the catalog's workbook link follows the counselor's ticks and filter.
   Addresses: workbook.html#practice=<id> or workbook.html#exercises=<id>,<id>. Ids read from
   the address are data: checked as ids and compared with attributes, never put in a selector. */
(function (SM) {
  "use strict";

  /* What the address asks for: {practice: id} or {exercises: [ids]} or {} for everything. */
  function wanted(hash) {
    var params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
    var ids = (params.get("exercises") || "").split(",").filter(SM.check.isId);
    if (ids.length) return { exercises: ids };
    var practice = params.get("practice") || "";
    return SM.check.isId(practice) ? { practice: practice } : {};
  }

  function chosen(node, want) {
    if (want.exercises) return want.exercises.indexOf(node.getAttribute("data-sm-exercise")) >= 0;
    if (want.practice) return node.getAttribute("data-sm-practice") === want.practice;
    return true;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function show(book, want) {
    var select = book.querySelector(".sm-workbook__practice");
    var sections = Array.from(book.querySelectorAll(".sm-workbook__exercise"));
    var kept = sections.filter(function (section) { return chosen(section, want); });
    if (!kept.length) {
      want = {};
      kept = sections;
    }
    sections.forEach(function (section) { section.hidden = kept.indexOf(section) < 0; });
    book.querySelectorAll(".sm-workbook__entry").forEach(function (entry) {
      entry.hidden = !chosen(entry, want);
    });
    var option = SM.find(select, "option", "value", want.practice || "")[0];
    select.value = option ? option.value : "";
    var title = want.exercises ? "Exercises chosen for you"
      : option && want.practice ? option.textContent : "Every exercise";
    var questions = kept.reduce(function (sum, section) {
      return sum + Number(section.getAttribute("data-sm-questions"));
    }, 0);
    var summary = plural(kept.length, "exercise") + ", " + plural(questions, "question");
    book.querySelector(".sm-workbook__title").textContent = title;
    book.querySelector(".sm-workbook__summary").textContent = summary;
    book.querySelector(".sm-workbook__count").textContent = "The booklet holds " + summary + ".";
  }

  SM.register("workbook", function (book) {
    book.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    book.querySelector(".sm-workbook__choose").hidden = false;
    var select = book.querySelector(".sm-workbook__practice");
    select.addEventListener("change", function () {
      var hash = select.value ? "#practice=" + encodeURIComponent(select.value) : "";
      history.replaceState(null, "", location.pathname + location.search + hash);
      show(book, wanted(hash));
    });
    book.querySelector(".sm-workbook__print").addEventListener("click", function () {
      window.print();
    });
    window.addEventListener("hashchange", function () {
      if (book.isConnected) show(book, wanted(location.hash));
    });
    show(book, wanted(location.hash));
  });

  /* The catalog's link: the ticked exercises, else the practice its filter shows, else all. */
  SM.register("workbook-link", function (box) {
    var catalog = box.closest(".sm-catalog") || document;
    var link = box.querySelector(".sm-workbook-link__open");
    var what = box.querySelector(".sm-workbook-link__what");
    var base = link.getAttribute("href").split("#")[0];
    function update() {
      var picks = Array.from(catalog.querySelectorAll(".sm-catalog__pick:checked"));
      var filter = catalog.querySelector(".sm-catalog__practice");
      var hash = "";
      if (picks.length) {
        hash = "#exercises=" + picks.map(function (pick) { return pick.value; }).join(",");
        what.textContent = "It prints the " + plural(picks.length, "exercise") + " you ticked.";
      } else if (filter && filter.value) {
        hash = "#practice=" + encodeURIComponent(filter.value);
        what.textContent = "It prints every exercise of " +
          filter.options[filter.selectedIndex].textContent + ".";
      } else {
        what.textContent = "It prints every exercise. Tick some, or choose a practice above, to print fewer.";
      }
      link.setAttribute("href", base + hash);
    }
    catalog.addEventListener("change", update);
    update();
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
