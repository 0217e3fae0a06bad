/* Small Moments quiz: single choice (pick one option, read why it helps or hurts). */
(function (SM) {
  "use strict";

  function option(question, index) {
    return question.querySelector('.sm-option[data-sm-option="' + CSS.escape(String(index)) + '"]');
  }

  function answer(question, index) {
    return question.querySelector('.sm-answer__option[data-sm-option="' + CSS.escape(String(index)) + '"]');
  }

  SM.kinds.single = {
    empty: "Choose an answer first, then press Check.",

    read: function (question) {
      var input = question.querySelector(".sm-option__input:checked");
      return input ? Number(input.value) : null;
    },

    restore: function (question, choice) {
      var input = SM.find(question, ".sm-option__input", "value", String(choice))[0];
      if (input) input.checked = true;
      return Boolean(input);
    },

    check: function (question, choice, feedback) {
      var best = Number(question.querySelector(".sm-answer__option[data-sm-correct]")
        .getAttribute("data-sm-option"));
      var correct = choice === best;
      SM.badge(option(question, choice), correct ? "Your answer: the best choice" : "Your answer",
        correct ? "right" : "wrong");
      if (!correct) SM.badge(option(question, best), "Best answer", "best");
      SM.say(feedback, "sm-feedback__verdict",
        correct ? "Yes, that is the best choice." : "Not the best choice.");
      SM.say(feedback, "sm-feedback__why", SM.content(answer(question, choice), ".sm-answer__feedback"));
      if (!correct) {
        SM.say(feedback, "sm-feedback__best", ["The best answer: ",
          SM.content(option(question, best), "label")]);
        SM.say(feedback, "sm-feedback__why", SM.content(answer(question, best), ".sm-answer__feedback"));
      }
      return correct ? "right" : "wrong";
    },

    reset: function (question) {
      question.querySelectorAll(".sm-option__input").forEach(function (input) { input.checked = false; });
    },

    first: function (question) {
      return question.querySelector(".sm-option__input:checked") ||
        question.querySelector(".sm-option__input");
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
