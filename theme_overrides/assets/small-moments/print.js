/* Small Moments: print an exercise as a worksheet, with or without its answer key. */
(function (SM) {
  "use strict";

  var KEY_CLASS = "sm-print-answers";

  /* The answer key, after the worksheet: each question's title and prompt, then its answer,
     copied from the page's own answers (nodes, never markup). */
  function buildKey(exercise) {
    var key = document.createElement("section");
    key.className = "sm-key";
    var heading = document.createElement("h2");
    heading.textContent = "Answer key";
    key.appendChild(heading);
    exercise.querySelectorAll(".sm-question").forEach(function (question) {
      var title = document.createElement("h3");
      title.className = "sm-key__title";
      title.textContent = question.querySelector(".sm-question__title").textContent;
      var prompt = document.createElement("p");
      prompt.className = "sm-key__prompt";
      prompt.textContent = question.querySelector(".sm-prompt").textContent;
      key.appendChild(title);
      key.appendChild(prompt);
      var answer = question.querySelector(".sm-answer");
      Array.from(answer ? answer.children : []).forEach(function (part) {
        if (part.tagName !== "SUMMARY") key.appendChild(part.cloneNode(true));
      });
    });
    return key;
  }

  function printWith(exercise, key) {
    var root = document.documentElement;
    exercise.querySelectorAll(".sm-key").forEach(function (old) { old.remove(); });
    var sheet = key ? exercise.appendChild(buildKey(exercise)) : null;
    root.classList.toggle(KEY_CLASS, key);
    var restore = function () {
      root.classList.remove(KEY_CLASS);
      if (sheet) sheet.remove();
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
