/* Small Moments quiz: enhance exercise pages (Check, Try again, the result, saved answers). */
(function (SM) {
  "use strict";

  function kindOf(question) {
    return SM.kinds[question.getAttribute("data-sm-kind")];
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function questionsOf(exercise) {
    return Array.from(exercise.querySelectorAll(".sm-question")).filter(kindOf);
  }

  function updateResult(exercise) {
    var questions = questionsOf(exercise);
    var done = questions.filter(function (q) { return q.hasAttribute("data-sm-result"); });
    var scored = questions.filter(function (q) { return !q.hasAttribute("data-sm-unscored"); });
    var right = scored.filter(function (q) { return q.getAttribute("data-sm-result") === "right"; });
    var text = exercise.querySelector(".sm-result__text");
    exercise.querySelector(".sm-result").hidden = false;
    if (!done.length) {
      text.textContent = "";
    } else if (done.length < questions.length) {
      text.textContent = "You have answered " + done.length + " of " + questions.length + " questions.";
    } else {
      var practice = questions.length - scored.length;
      text.textContent = "All " + questions.length + " questions answered. " +
        (scored.length ? "You chose the best answer in " + right.length + " of " + scored.length +
          (scored.length === 1 ? " question" : " questions") + (practice ? " with an answer to check" : "") +
          "." : "") +
        (practice ? " You wrote " + practice + (practice === 1 ? " reply" : " replies") + " of your own." : "");
    }
    return done.length === questions.length;
  }

  function save(exercise, question, result) {
    var id = exercise.getAttribute("data-sm-exercise");
    var qid = question.getAttribute("data-sm-question");
    var answer = kindOf(question).read(question);
    var complete = updateResult(exercise);
    SM.store.update(id, function (entry) {
      if (result === null) delete entry.answers[qid];
      else if (answer !== null) {
        entry.answers[qid] = { fp: question.getAttribute("data-sm-fingerprint"), answer: answer, result: result };
      }
      if (complete && !entry.finishedAt) entry.finishedAt = today();
      if (!complete) delete entry.finishedAt;
    });
    SM.store.showNotice(exercise);
  }

  /* Show the marks and feedback for an answer; returns the result. */
  function show(question, answer) {
    var kind = kindOf(question);
    var feedback = question.querySelector(".sm-feedback");
    feedback.textContent = "";
    var result = kind.check(question, answer, feedback);
    var note = question.querySelector(".sm-note");
    if (note) SM.say(feedback, "sm-feedback__note", note.textContent.trim());
    question.setAttribute("data-sm-result", result);
    if (kind.lockAfterCheck !== false) SM.lock(question, true);
    question.querySelector(".sm-check").hidden = true;
    question.querySelector(".sm-retry").hidden = false;
    return result;
  }

  function clear(question) {
    var kind = kindOf(question);
    SM.clearMarks(question);
    SM.lock(question, false);
    kind.reset(question);
    question.querySelector(".sm-feedback").textContent = "";
    question.removeAttribute("data-sm-result");
    question.querySelector(".sm-check").hidden = false;
    question.querySelector(".sm-retry").hidden = true;
  }

  function enhanceQuestion(exercise, question, saved) {
    var kind = kindOf(question);
    var form = question.querySelector(".sm-form");
    var check = question.querySelector(".sm-check");
    question.querySelector(".sm-answer").hidden = true;
    check.hidden = false;
    check.disabled = false;
    if (kind.enhance) kind.enhance(question);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (question.hasAttribute("data-sm-result")) return;
      var answer = kind.read(question);
      var feedback = question.querySelector(".sm-feedback");
      feedback.textContent = "";
      if (answer === null) {
        SM.say(feedback, "sm-feedback__empty", kind.empty);
        kind.first(question).focus();
        return;
      }
      save(exercise, question, show(question, answer));
      question.querySelector(".sm-retry").focus();
    });

    question.querySelector(".sm-retry").addEventListener("click", function () {
      clear(question);
      save(exercise, question, null);
      kind.first(question).focus();
    });

    if (kind.keepsChanging) {
      form.addEventListener("change", function () {
        var result = question.getAttribute("data-sm-result");
        if (result) save(exercise, question, result);
      });
    }

    if (saved && saved.fp === question.getAttribute("data-sm-fingerprint") &&
        kind.restore(question, saved.answer)) {
      show(question, saved.answer);
      return true;
    }
    return !saved;
  }

  function enhanceExercise(exercise) {
    var id = exercise.getAttribute("data-sm-exercise");
    var entry = SM.store.exercise(id);
    var stale = [];
    exercise.querySelectorAll(".sm-howto, .sm-result").forEach(function (node) { node.hidden = false; });
    exercise.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    questionsOf(exercise).forEach(function (question) {
      var qid = question.getAttribute("data-sm-question");
      if (!enhanceQuestion(exercise, question, entry.answers[qid])) stale.push(qid);
    });
    var known = questionsOf(exercise).map(function (q) { return q.getAttribute("data-sm-question"); });
    Object.keys(entry.answers).forEach(function (qid) {
      if (known.indexOf(qid) === -1) stale.push(qid);
    });
    var complete = updateResult(exercise);
    if (stale.length || (entry.finishedAt && !complete)) {
      SM.store.update(id, function (saved) {
        stale.forEach(function (qid) { delete saved.answers[qid]; });
        if (!complete) delete saved.finishedAt;
      });
    }
    SM.store.showNotice(exercise);

    exercise.querySelector(".sm-restart").addEventListener("click", function () {
      var questions = questionsOf(exercise);
      questions.forEach(clear);
      SM.store.update(id, function (saved) { saved.answers = {}; delete saved.finishedAt; });
      updateResult(exercise);
      if (questions.length) kindOf(questions[0]).first(questions[0]).focus();
    });
  }

  /* Enhance every exercise on the page once; safe to call again after instant navigation. */
  SM.enhance = function (root) {
    (root || document).querySelectorAll(".sm-exercise:not([data-sm-ready])").forEach(function (exercise) {
      exercise.setAttribute("data-sm-ready", "");
      enhanceExercise(exercise);
    });
    if (SM.progress) SM.progress(root || document);
    if (SM.enhanceSummary) SM.enhanceSummary(root || document);
    if (SM.enhancePrint) SM.enhancePrint(root || document);
    if (SM.enhanceDevice) SM.enhanceDevice(root || document);
    if (SM.enhanceTerms) SM.enhanceTerms(root || document);
    if (SM.enhanceCatalog) SM.enhanceCatalog(root || document);
    if (SM.enhanceAssignment) SM.enhanceAssignment(root || document);
    if (SM.enhanceToday) SM.enhanceToday(root || document);
    if (SM.enhanceTracker) SM.enhanceTracker(root || document);
    if (SM.enhancePlanner) SM.enhancePlanner(root || document);
    if (SM.lazy) SM.lazy(root || document);
  };

  /* The scripts sit at the end of the body, so the page is parsed: start now rather than
     wait for Material's start-up. Material's document$ emits again after instant navigation
     over http (never on file:// pages when navigation.instant is on); SM.enhance skips what
     it has done. */
  function start() { SM.enhance(document); }
  start();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
