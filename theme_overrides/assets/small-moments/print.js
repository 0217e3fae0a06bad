/* Small Moments: print an exercise as a worksheet, with or without its answer key. */
(function (SM) {
  "use strict";

  var KEY_CLASS = "sm-print-answers";

  function answers(root) {
    return Array.from(root.querySelectorAll(".sm-answer"));
  }

  function printWith(exercise, key) {
    var root = document.documentElement;
    var opened = [];
    root.classList.toggle(KEY_CLASS, key);
    if (key) {
      answers(exercise).forEach(function (details) {
        opened.push([details, details.open]);
        details.open = true;
      });
    }
    var restore = function () {
      root.classList.remove(KEY_CLASS);
      opened.forEach(function (pair) { pair[0].open = pair[1]; });
      window.removeEventListener("afterprint", restore);
    };
    window.addEventListener("afterprint", restore);
    window.print();
  }

  /* Show an exercise's print buttons. */
  SM.register("print", function (bar) {
    var exercise = bar.closest(".sm-exercise");
    bar.hidden = false;
    /* Without a published address, the worksheet names the address it was printed from. */
    exercise.querySelectorAll(".sm-print-link__url[data-sm-fill]").forEach(function (node) {
      node.textContent = window.location.href.split("#")[0];
    });
    bar.querySelector(".sm-print__sheet").addEventListener("click", function () {
      printWith(exercise, false);
    });
    bar.querySelector(".sm-print__key").addEventListener("click", function () {
      printWith(exercise, true);
    });
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
