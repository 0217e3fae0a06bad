/* Small Moments quiz: the single-choice kind (pick one option, read why it helps or hurts). */
(function (SM) {
  "use strict";

  function answers(question) {
    return Array.from(question.querySelectorAll(".sm-answer__option"));
  }

  function feedbackText(item) {
    var paragraph = item.querySelector(".sm-answer__feedback");
    return paragraph ? paragraph.textContent : "";
  }

  function optionText(question, index) {
    var label = question.querySelector('.sm-option[data-sm-option="' + index + '"] label');
    return label ? label.textContent : "";
  }

  function badge(option, text, modifier) {
    var span = document.createElement("span");
    span.className = "sm-badge sm-badge--" + modifier;
    span.textContent = text;
    option.appendChild(span);
  }

  SM.kinds.single = {
    /* The chosen option's index, or null when nothing is chosen yet. */
    read: function (question) {
      var input = question.querySelector(".sm-option__input:checked");
      return input ? Number(input.value) : null;
    },

    /* Mark the choice, fill the feedback region, and say whether it was the best answer. */
    check: function (question, choice, feedback) {
      var items = answers(question);
      var best = items.findIndex(function (item) { return item.hasAttribute("data-sm-correct"); });
      var correct = choice === best;
      var chosen = question.querySelector('.sm-option[data-sm-option="' + choice + '"]');
      var right = question.querySelector('.sm-option[data-sm-option="' + best + '"]');
      chosen.classList.add(correct ? "sm-option--right" : "sm-option--wrong");
      badge(chosen, correct ? "Your answer: the best choice" : "Your answer", correct ? "right" : "wrong");
      if (!correct) {
        right.classList.add("sm-option--best");
        badge(right, "Best answer", "best");
      }
      SM.say(feedback, "sm-feedback__verdict", correct ? "Yes, that is the best choice." : "Not the best choice.");
      SM.say(feedback, "sm-feedback__why", feedbackText(items[choice]));
      if (!correct) {
        SM.say(feedback, "sm-feedback__best", "The best answer: " + optionText(question, best));
        SM.say(feedback, "sm-feedback__why", feedbackText(items[best]));
      }
      var note = question.querySelector(".sm-note");
      if (note) SM.say(feedback, "sm-feedback__note", note.textContent);
      question.querySelector(".sm-fieldset").disabled = true;
      return correct;
    },

    /* Clear the marks and the choice so the question can be answered again. */
    reset: function (question) {
      question.querySelectorAll(".sm-badge").forEach(function (node) { node.remove(); });
      question.querySelectorAll(".sm-option").forEach(function (option) {
        option.classList.remove("sm-option--right", "sm-option--wrong", "sm-option--best");
      });
      question.querySelectorAll(".sm-option__input").forEach(function (input) { input.checked = false; });
      question.querySelector(".sm-fieldset").disabled = false;
    },

    /* Where focus goes when the question is ready to answer. */
    first: function (question) {
      return question.querySelector(".sm-option__input");
    },

    empty: "Choose an answer first, then press Check."
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
