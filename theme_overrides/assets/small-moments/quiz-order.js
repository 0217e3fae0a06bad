/* Small Moments quiz: put steps in order with Move up / Move down buttons (no dragging needed). */
(function (SM) {
  "use strict";

  function steps(question) {
    return Array.from(question.querySelectorAll(".sm-steps > .sm-step"));
  }

  function refresh(question) {
    var list = steps(question);
    list.forEach(function (step, index) {
      step.querySelector('[data-sm-move="up"]').disabled = index === 0;
      step.querySelector('[data-sm-move="down"]').disabled = index === list.length - 1;
    });
  }

  function move(question, button) {
    var step = button.closest(".sm-step");
    var direction = button.getAttribute("data-sm-move");
    var sibling = direction === "up" ? step.previousElementSibling : step.nextElementSibling;
    if (!sibling) return;
    step.parentNode.insertBefore(step, direction === "up" ? sibling : sibling.nextElementSibling);
    refresh(question);
    var list = steps(question);
    var position = list.indexOf(step) + 1;
    var target = button.disabled ? step.querySelector(".sm-move:not([disabled])") : button;
    target.focus();
    question.querySelector(".sm-steps__status").textContent = "Moved to position " + position +
      " of " + list.length + ": " + SM.text(step, ".sm-step__text");
  }

  SM.kinds.order = {
    empty: "",

    /* Set up the move buttons once. */
    enhance: function (question) {
      question.querySelectorAll(".sm-step__moves").forEach(function (node) { node.hidden = false; });
      question.querySelector(".sm-steps").addEventListener("click", function (event) {
        var button = event.target.closest(".sm-move");
        if (button && !question.hasAttribute("data-sm-result")) move(question, button);
      });
      refresh(question);
    },

    read: function (question) {
      return steps(question).map(function (step) { return Number(step.getAttribute("data-sm-step")); });
    },

    restore: function (question, order) {
      var list = steps(question);
      if (!Array.isArray(order) || order.length !== list.length) return false;
      var byIndex = Object.create(null);
      list.forEach(function (step) { byIndex[step.getAttribute("data-sm-step")] = step; });
      if (!order.every(function (index) { return byIndex[index]; })) return false;
      var parent = list[0].parentNode;
      order.forEach(function (index) { parent.appendChild(byIndex[index]); });
      refresh(question);
      return true;
    },

    check: function (question, order, feedback) {
      var correct = true;
      steps(question).forEach(function (step, position) {
        var index = Number(step.getAttribute("data-sm-step"));
        if (index === position) {
          SM.badge(step, "In place", "right");
        } else {
          correct = false;
          SM.badge(step, "Belongs at step " + (index + 1), "wrong");
        }
      });
      question.querySelectorAll(".sm-step__moves").forEach(function (node) { node.hidden = true; });
      SM.say(feedback, "sm-feedback__verdict", correct
        ? "Yes, that order works well."
        : "Not quite. Here is an order that helps, and why:");
      var why = Array.from(question.querySelectorAll(".sm-answer__step")).map(function (item) {
        return { label: SM.text(item, ".sm-answer__verdict"), text: SM.content(item, ".sm-answer__feedback") };
      });
      if (correct) SM.fold(feedback, "Why this order works", why, "ol");
      else SM.list(feedback, "ol", why);
      return correct ? "right" : "wrong";
    },

    reset: function (question) {
      question.querySelectorAll(".sm-step__moves").forEach(function (node) { node.hidden = false; });
      question.querySelector(".sm-steps__status").textContent = "";
      refresh(question);
    },

    first: function (question) {
      return question.querySelector(".sm-move:not([disabled])");
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
