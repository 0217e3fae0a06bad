/* Small Moments quiz: sort each item into one of two to four named groups (a control per item). */
(function (SM) {
  "use strict";

  function items(question) {
    return Array.from(question.querySelectorAll(".sm-sort__item"));
  }

  function labelOf(question, item, group) {
    var input = SM.find(item, ".sm-choice__input", "value", String(group))[0];
    return input ? SM.text(input.parentNode, "label") : group;
  }

  SM.kinds.sort = {
    empty: "Choose a group for every item, then press Check.",

    read: function (question) {
      var chosen = items(question).map(function (item) {
        var input = item.querySelector(".sm-choice__input:checked");
        return input ? input.value : null;
      });
      return chosen.indexOf(null) === -1 ? chosen : null;
    },

    restore: function (question, chosen) {
      if (!Array.isArray(chosen)) return false;
      var list = items(question);
      if (chosen.length !== list.length) return false;
      return chosen.every(function (group, index) {
        var input = SM.find(list[index], ".sm-choice__input", "value", String(group))[0];
        if (input) input.checked = true;
        return Boolean(input);
      });
    },

    check: function (question, chosen, feedback) {
      var wrong = [], right = [];
      items(question).forEach(function (item, index) {
        var answer = question.querySelector('.sm-answer__item[data-sm-item="' + CSS.escape(String(index)) + '"]');
        var group = answer.getAttribute("data-sm-group");
        var label = labelOf(question, item, group);
        var entry = { text: [SM.content(item, "legend"), " ", SM.content(answer, ".sm-answer__feedback")] };
        if (chosen[index] === group) {
          entry.label = label + ":";
          right.push(entry);
          SM.badge(item, "Right group: " + label, "right");
        } else {
          entry.label = label + " (you chose " + labelOf(question, item, chosen[index]) + "):";
          wrong.push(entry);
          SM.badge(item, "Belongs in: " + label, "wrong");
        }
      });
      var total = wrong.length + right.length;
      SM.say(feedback, "sm-feedback__verdict", wrong.length
        ? right.length + " of " + total + " are in the right group."
        : "Yes, all " + total + " are in the right group.");
      if (wrong.length) SM.list(feedback, "ul", wrong);
      SM.fold(feedback, right.length === 1 ? "Why the one in the right group belongs there"
        : "Why the " + right.length + " in the right group belong there", right);
      return wrong.length ? "wrong" : "right";
    },

    reset: function (question) {
      question.querySelectorAll(".sm-choice__input").forEach(function (input) { input.checked = false; });
    },

    first: function (question) {
      return question.querySelector(".sm-choice__input");
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
