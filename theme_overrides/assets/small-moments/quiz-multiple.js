/* Small Moments quiz: select all that apply; says which picks were off and which were missed. */
(function (SM) {
  "use strict";

  SM.kinds.multiple = {
    empty: "Tick every answer you think fits, then press Check.",

    read: function (question) {
      var picked = Array.from(question.querySelectorAll(".sm-option__input:checked"))
        .map(function (input) { return Number(input.value); });
      return picked.length ? picked : null;
    },

    restore: function (question, picked) {
      if (!Array.isArray(picked)) return false;
      question.querySelectorAll(".sm-option__input").forEach(function (input) {
        input.checked = picked.indexOf(Number(input.value)) !== -1;
      });
      return true;
    },

    check: function (question, picked, feedback) {
      var right = [], off = [], missed = [];
      question.querySelectorAll(".sm-answer__option").forEach(function (item) {
        var index = Number(item.getAttribute("data-sm-option"));
        var option = question.querySelector('.sm-option[data-sm-option="' + CSS.escape(String(index)) + '"]');
        var entry = { text: [SM.content(option, "label"), " ", SM.content(item, ".sm-answer__feedback")] };
        var chosen = picked.indexOf(index) !== -1;
        var correct = item.hasAttribute("data-sm-correct");
        if (chosen && correct) { entry.label = "Right to pick:"; right.push(entry); SM.badge(option, "Right to pick", "right"); }
        if (chosen && !correct) { entry.label = "Off:"; off.push(entry); SM.badge(option, "Off: leave this one", "wrong"); }
        if (!chosen && correct) { entry.label = "Missed:"; missed.push(entry); SM.badge(option, "Missed: this one fits", "best"); }
      });
      var allRight = !off.length && !missed.length;
      var parts = [];
      if (off.length) parts.push(off.length + (off.length === 1 ? " pick was off" : " picks were off"));
      if (missed.length) parts.push(missed.length + (missed.length === 1 ? " was missed" : " were missed"));
      SM.say(feedback, "sm-feedback__verdict", allRight
        ? "Yes, you picked exactly the ones that fit."
        : "Not quite: " + parts.join(" and ") + ".");
      if (!allRight) SM.list(feedback, "ul", off.concat(missed));
      SM.fold(feedback, "Why your right " + (right.length === 1 ? "pick fits" : "picks fit"), right);
      return allRight ? "right" : "wrong";
    },

    reset: function (question) {
      question.querySelectorAll(".sm-option__input").forEach(function (input) { input.checked = false; });
    },

    first: function (question) {
      return question.querySelector(".sm-option__input");
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
