/* Small Moments quiz: write your own reply, then compare it with model replies and a self-check. */
(function (SM) {
  "use strict";

  function ticks(question) {
    return Array.from(question.querySelectorAll(".sm-write__checklist .sm-choice__input"));
  }

  SM.kinds.write = {
    empty: "Write your own reply first, even a rough one. Then look at the model replies.",
    keepsChanging: true,
    asks: "Clear your reply and start this question again?",

    /* A reply is kept up to the store's cap (generator/limits.py), so the field stops there. */
    enhance: function (question) {
      question.querySelector(".sm-write__reply").maxLength = SM.settings().replyCap;
    },

    read: function (question) {
      var text = question.querySelector(".sm-write__reply").value;
      if (!text.trim()) return null;
      return {
        text: text,
        ticks: ticks(question).filter(function (box) { return box.checked; })
          .map(function (box) { return Number(box.value); })
      };
    },

    restore: function (question, answer) {
      if (!answer || typeof answer.text !== "string") return false;
      question.querySelector(".sm-write__reply").value = answer.text;
      var ticked = Array.isArray(answer.ticks) ? answer.ticks : [];
      ticks(question).forEach(function (box) { box.checked = ticked.indexOf(Number(box.value)) !== -1; });
      return true;
    },

    check: function (question, answer, feedback) {
      SM.say(feedback, "sm-feedback__verdict", "Done. Here are some replies that could work:");
      SM.list(feedback, "ul", Array.from(question.querySelectorAll(".sm-answer__model")).map(function (item) {
        return { text: Array.from(item.childNodes) };
      }));
      SM.say(feedback, "sm-feedback__why",
        "There is no score here. Yours does not need to match: tick what is true of it below.");
      question.querySelector(".sm-write__checklist").hidden = false;
      return "done";
    },

    /* After the model replies, the reader goes on to the self-check under them. */
    next: function (question) {
      return ticks(question)[0] || question.querySelector(".sm-retry");
    },

    /* The reply stays editable and the ticks stay open after the models are shown. */
    lockAfterCheck: false,

    reset: function (question) {
      question.querySelector(".sm-write__reply").value = "";
      ticks(question).forEach(function (box) { box.checked = false; });
      question.querySelector(".sm-write__checklist").hidden = true;
    },

    first: function (question) {
      return question.querySelector(".sm-write__reply");
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
