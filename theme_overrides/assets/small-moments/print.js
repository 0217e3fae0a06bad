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
    /* No page of the key is left nearly empty. Its last answers, about 40 lines by their text
       (a line per 100 characters, and one and a half more for a last line and the gaps), are
       kept together: paper.css forbids a break before each of them but the first. If they do
       not fit where the key has reached, they begin the next page and fill over a quarter of
       it (9.5 to 15 cm on A4 and Letter), and, being well under a page, leave the page before
       over a quarter full too. The count is made from the text when the key is built, on this
       click, not from a layout: nothing is measured on screen, where the width is not the
       paper's, so the same key is marked whether Chromium's print dialog then lays it out
       (any paper size chosen there) or a test's page.pdf() does. */
    var parts = key.querySelectorAll(":scope>:not(ul,ol),li");
    for (var i = parts.length - 1, lines = 0; i > 0; i--) {
      lines += parts[i].textContent.length / 100 + 1.5;
      if (lines >= 40) break;
      parts[i].classList.add("sm-key__end");
    }
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
