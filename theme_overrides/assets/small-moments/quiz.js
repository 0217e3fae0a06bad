/* Small Moments quiz: enhance exercise pages (Check, Try again, the result) on every page load. */
(function (SM) {
  "use strict";

  /* Append one paragraph of plain text to a feedback region. */
  SM.say = function (region, className, text) {
    var paragraph = document.createElement("p");
    paragraph.className = className;
    paragraph.textContent = text;
    region.appendChild(paragraph);
  };

  function kindOf(question) {
    return SM.kinds[question.getAttribute("data-sm-kind")];
  }

  function updateScore(exercise) {
    var questions = Array.from(exercise.querySelectorAll(".sm-question"));
    var done = questions.filter(function (q) { return q.hasAttribute("data-sm-result"); });
    var right = done.filter(function (q) { return q.getAttribute("data-sm-result") === "right"; });
    var panel = exercise.querySelector(".sm-score");
    var text = panel.querySelector(".sm-score__text");
    if (done.length < questions.length) {
      panel.hidden = true;
      text.textContent = "";
      return;
    }
    panel.hidden = false;
    text.textContent = "You chose the best answer in " + right.length + " of " + questions.length +
      " questions. " + (right.length === questions.length
        ? "Every one: well noticed."
        : "Read the feedback again, or press Try again on any question.");
  }

  function reset(question, feedback, focus) {
    var kind = kindOf(question);
    kind.reset(question);
    feedback.textContent = "";
    question.removeAttribute("data-sm-result");
    question.querySelector(".sm-check").hidden = false;
    question.querySelector(".sm-retry").hidden = true;
    if (focus) kind.first(question).focus();
  }

  function enhanceQuestion(exercise, question) {
    var kind = kindOf(question);
    if (!kind) return;
    var form = question.querySelector(".sm-form");
    var feedback = question.querySelector(".sm-feedback");
    var checkButton = question.querySelector(".sm-check");
    var retryButton = question.querySelector(".sm-retry");
    var answer = question.querySelector(".sm-answer");
    if (answer) answer.hidden = true;
    checkButton.hidden = false;
    checkButton.disabled = false;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (question.hasAttribute("data-sm-result")) return;
      var choice = kind.read(question);
      feedback.textContent = "";
      if (choice === null) {
        SM.say(feedback, "sm-feedback__empty", kind.empty);
        kind.first(question).focus();
        return;
      }
      var correct = kind.check(question, choice, feedback);
      question.setAttribute("data-sm-result", correct ? "right" : "wrong");
      checkButton.hidden = true;
      retryButton.hidden = false;
      retryButton.focus();
      updateScore(exercise);
    });

    retryButton.addEventListener("click", function () {
      reset(question, feedback, true);
      updateScore(exercise);
    });
  }

  /* Enhance every exercise on the page once; safe to call again after instant navigation. */
  SM.enhance = function (root) {
    (root || document).querySelectorAll(".sm-exercise:not([data-sm-ready])").forEach(function (exercise) {
      exercise.setAttribute("data-sm-ready", "");
      exercise.querySelectorAll(".sm-howto").forEach(function (node) { node.hidden = false; });
      exercise.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
      exercise.querySelectorAll(".sm-question").forEach(function (question) {
        enhanceQuestion(exercise, question);
      });
      var restart = exercise.querySelector(".sm-score__restart");
      restart.addEventListener("click", function () {
        var questions = exercise.querySelectorAll(".sm-question");
        questions.forEach(function (question) {
          reset(question, question.querySelector(".sm-feedback"), false);
        });
        updateScore(exercise);
        if (questions.length) kindOf(questions[0]).first(questions[0]).focus();
      });
    });
  };

  /* Material's document$ emits after instant navigation over http, but never on file://
     pages when navigation.instant is on, so DOMContentLoaded starts the first page too. */
  function start() { SM.enhance(document); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
