/* Small Moments: "A small moment for today" on the home page. The day's moment depends only on
   the reader's calendar date, so everyone sees the same one that day, offline too. */
(function (SM) {
  "use strict";

  /* Days since 1970-01-01 for the local calendar date of `now`. */
  SM.dayNumber = function (now) {
    return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000);
  };

  function show(box, items, index) {
    var item = items[index];
    var link = box.querySelector(".sm-today__link");
    box.querySelector(".sm-today__text").textContent = item.textContent;
    link.textContent = item.getAttribute("data-sm-practice");
    link.setAttribute("href", item.getAttribute("data-sm-page"));
    box.setAttribute("data-sm-index", String(index));
  }

  SM.register("today", function (box) {
    var items = Array.from(box.querySelectorAll(".sm-today__all > li"));
    if (!items.length) return;
    var index = SM.dayNumber(new Date()) % items.length;
    show(box, items, index);
    box.querySelector(".sm-today__more").hidden = false;
    box.querySelector(".sm-today__next").addEventListener("click", function () {
      index = (index + 1) % items.length;
      show(box, items, index);
    });
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
