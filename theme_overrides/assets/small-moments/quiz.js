/* Small Moments quiz: enhance exercise pages (Check, Try again, the result, saved answers). */
(function (SM) {
  "use strict";

  /* After a Check by key, how long a key-made click on Try again is taken as a slip (ms). */
  var GUARD_MS = 1000;

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
    var next = questions.filter(function (q) { return done.indexOf(q) === -1; })[0];
    var place = exercise.querySelector(".sm-place__link");
    exercise.querySelector(".sm-result").hidden = false;
    if (place && questions.length) {
      place.parentNode.hidden = false;
      place.textContent = next ? (done.length ? "Next: question " : "Question ") + (questions.indexOf(next) + 1) + " of " + questions.length
        : "Finished \u2014 your result";
      place.setAttribute("href", "#" + (next ? next.id : exercise.querySelector(".sm-result__title").id));
      exercise.querySelector(".sm-place__done").style.width = 100 * done.length / questions.length + "%";
    }
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

  /* The questions an exercise has now, as [{ id, fp }]. */
  function known(exercise) {
    return questionsOf(exercise).map(function (q) {
      return { id: q.getAttribute("data-sm-question"), fp: q.getAttribute("data-sm-fingerprint") };
    });
  }

  /* Save (or, with result null, forget) one question's answer: a change of this exercise's
     entry only, on top of whatever is stored now (another tab may have answered others). */
  function save(exercise, question, result) {
    var id = exercise.getAttribute("data-sm-exercise");
    var qid = question.getAttribute("data-sm-question");
    var answer = kindOf(question).read(question);
    var questions = known(exercise);
    SM.store.change("exercises", function (all) {
      var entry = all[id] || { answers: {} };
      if (result === null) delete entry.answers[qid];
      else if (answer !== null) {
        entry.answers[qid] = { fp: question.getAttribute("data-sm-fingerprint"), answer: answer, result: result };
      }
      var complete = questions.every(function (q) {
        return entry.answers[q.id] && entry.answers[q.id].fp === q.fp;
      });
      if (complete && !entry.finishedAt) entry.finishedAt = today();
      if (!complete) delete entry.finishedAt;
      if (Object.keys(entry.answers).length) all[id] = entry;
      else delete all[id];
      return all;
    }, exercise);
    updateResult(exercise);
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
    var retry = question.querySelector(".sm-retry");
    var checkedAt = 0, keyedAt = 0;
    question.querySelector(".sm-answer").hidden = true;
    check.hidden = false;
    check.disabled = false;
    if (kind.enhance) kind.enhance(question);
    form.addEventListener("click", function (event) {
      if (event.target.closest("[aria-disabled='true']")) event.preventDefault();
    });

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
      checkedAt = Date.now() - keyedAt < 100 ? Date.now() : 0;
      save(exercise, question, show(question, answer));
      (kind.next ? kind.next(question) : retry).focus();
    });

    /* A held key, or a second press soon after the key press that checked, does not erase
       the answer (a check by key is one that follows a key event at once). */
    ["keydown", "keyup"].forEach(function (type) {
      form.addEventListener(type, function () { keyedAt = Date.now(); });
    });
    retry.addEventListener("keydown", function (event) {
      if (event.repeat) event.preventDefault();
    });
    retry.addEventListener("click", function (event) {
      if (!event.detail && Date.now() - checkedAt < GUARD_MS) return;
      if (kind.asks && kind.read(question) && !window.confirm(kind.asks)) return;
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

  /* Show what is stored for this exercise now (after another tab changed it). A question
     with no saved answer is left as the reader has it, unless it shows a checked answer. */
  function sync(exercise) {
    var entry = SM.store.get("exercises")[exercise.getAttribute("data-sm-exercise")] || { answers: {} };
    questionsOf(exercise).forEach(function (question) {
      var saved = entry.answers[question.getAttribute("data-sm-question")];
      if (saved && saved.fp !== question.getAttribute("data-sm-fingerprint")) saved = null;
      var result = question.getAttribute("data-sm-result");
      if (!saved) {
        if (result) clear(question);
        return;
      }
      if (result === saved.result &&
          JSON.stringify(kindOf(question).read(question)) === JSON.stringify(saved.answer)) return;
      clear(question);
      if (kindOf(question).restore(question, saved.answer)) show(question, saved.answer);
    });
    updateResult(exercise);
    SM.store.showNotice(exercise);
  }

  function start(exercise) {
    var id = exercise.getAttribute("data-sm-exercise");
    var entry = SM.store.get("exercises")[id] || { answers: {} };
    var stale = [];
    exercise.querySelectorAll(".sm-howto, .sm-result").forEach(function (node) { node.hidden = false; });
    exercise.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    questionsOf(exercise).forEach(function (question) {
      var qid = question.getAttribute("data-sm-question");
      if (!enhanceQuestion(exercise, question, entry.answers[qid])) stale.push(qid);
    });
    var ids = known(exercise).map(function (q) { return q.id; });
    Object.keys(entry.answers).forEach(function (qid) {
      if (ids.indexOf(qid) === -1) stale.push(qid);
    });
    var complete = updateResult(exercise);
    if (stale.length || (entry.finishedAt && !complete)) {
      SM.store.change("exercises", function (all) {
        var saved = all[id];
        if (!saved) return all;
        stale.forEach(function (qid) { delete saved.answers[qid]; });
        if (!complete) delete saved.finishedAt;
        if (!Object.keys(saved.answers).length) delete all[id];
        return all;
      }, exercise);
    }
    SM.store.showNotice(exercise);

    exercise.querySelector(".sm-restart").addEventListener("click", function () {
      var questions = questionsOf(exercise);
      var writes = questions.filter(function (q) { return kindOf(q).asks && kindOf(q).read(q); });
      if (writes.length && !window.confirm("Start over? This also clears the replies you wrote.")) return;
      questions.forEach(clear);
      SM.store.change("exercises", function (all) {
        delete all[id];
        return all;
      }, exercise);
      updateResult(exercise);
      if (questions.length) kindOf(questions[0]).first(questions[0]).focus();
    });

    SM.listen(exercise, "sm:stored", function (event) {
      if (event.detail.origin !== exercise) sync(exercise);
    });
  }

  /* The saved answers, by exercise id: { answers: { qid: { fp, answer, result } }, finishedAt }.
     These rules apply to what is read from storage and to every import alike. */
  var SHAPE = "an answer not in a known shape";

  function cleanExercises(value, skipped) {
    var limits = SM.settings();
    var is = SM.check;
    var result = {};
    if (value === undefined) return result;
    if (!is.isObject(value)) {
      skipped.push(SHAPE);
      return result;
    }
    Object.keys(value).forEach(function (id) {
      var entry = value[id];
      if (!is.isId(id) || !is.isObject(entry) || !is.isObject(entry.answers)) {
        skipped.push(SHAPE);
        return;
      }
      if (Object.keys(result).length >= limits.exercisesMax) {
        skipped.push("more exercises than this site keeps");
        return;
      }
      var answers = {};
      Object.keys(entry.answers).forEach(function (qid) {
        var saved = entry.answers[qid];
        if (!is.isId(qid) || !is.isObject(saved) || typeof saved.fp !== "string" || saved.fp.length > 100 ||
            ["right", "wrong", "done"].indexOf(saved.result) === -1 || !("answer" in saved) ||
            JSON.stringify(saved.answer).length > 3 * limits.replyCap ||
            Object.keys(answers).length >= limits.answersMax) {
          skipped.push(SHAPE);
          return;
        }
        answers[qid] = { fp: saved.fp, answer: saved.answer, result: saved.result };
      });
      if (!Object.keys(answers).length) return;
      result[id] = { answers: answers };
      if (is.isDate(entry.finishedAt)) result[id].finishedAt = entry.finishedAt;
    });
    return result;
  }

  SM.store.slice("exercises", {
    clean: cleanExercises,
    /* The file's answer wins where both have one for the same question. */
    merge: function (current, incoming) {
      Object.keys(incoming).forEach(function (id) {
        var entry = current[id] || { answers: {} };
        Object.keys(incoming[id].answers).forEach(function (qid) {
          entry.answers[qid] = incoming[id].answers[qid];
        });
        if (incoming[id].finishedAt) entry.finishedAt = incoming[id].finishedAt;
        current[id] = entry;
      });
      return current;
    },
    count: function (value) { return Object.keys(value).length; },
    noun: function (n) { return n + (n === 1 ? " exercise" : " exercises"); }
  });

  SM.register("quiz", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
