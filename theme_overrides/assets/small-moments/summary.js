/* Small Moments: "Summary for my counselor" on My progress, as plain text to copy or print.
   Written replies are included only when the reader ticks the box. */
(function (SM) {
  "use strict";

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /* Each write-your-own question's prompt, by exercise and question id (from the build). */
  function prompts(root) {
    var found = Object.create(null);
    root.querySelectorAll(".sm-summary__prompts li").forEach(function (item) {
      var id = item.getAttribute("data-sm-exercise");
      found[id] = found[id] || Object.create(null);
      found[id][item.getAttribute("data-sm-question")] = item.textContent.trim();
    });
    return found;
  }

  /* What the summary leaves out, in the reader's words. */
  function leftOut(withReplies) {
    var out = ["which answers you chose in the other questions (it counts only how many were the best answer)"];
    if (!withReplies) out.unshift("the replies you wrote (tick the box to add them)");
    out.push("exercises you have not started", "your bid tracker, ritual plans and your counselor's lists");
    return out;
  }

  /* The summary as data: { date, exercises: [{ id, title, state, finishedAt, replies:
     [{ number, prompt, text }] }], leftOut: [words] }, from the progress items under `root`
     (My progress) and what is saved. Written replies only when `withReplies`. */
  function data(root, withReplies) {
    var saved = SM.store.get("exercises");
    var asked = prompts(root);
    var result = { date: today(), exercises: [], leftOut: leftOut(withReplies) };
    root.querySelectorAll(".sm-progress__list .sm-progress__item").forEach(function (item) {
      var id = item.getAttribute("data-sm-exercise");
      var entry = saved[id];
      if (!entry || !Object.keys(entry.answers).length) return;
      var exercise = { id: id, title: item.querySelector("a").textContent.trim(),
                       state: SM.progressOf(item, entry), finishedAt: entry.finishedAt || "",
                       replies: [] };
      result.exercises.push(exercise);
      if (!withReplies) return;
      var own = asked[id] || {};
      item.getAttribute("data-sm-questions").split(" ").forEach(function (part, index) {
        var bits = part.split(":");
        var answer = entry.answers[bits[0]];
        if (bits[2] !== "0" || !answer || answer.fp !== bits[1] || !answer.answer ||
            typeof answer.answer.text !== "string" || !answer.answer.text.trim()) return;
        exercise.replies.push({ number: index + 1,
                                prompt: typeof own[bits[0]] === "string" ? own[bits[0]] : "",
                                text: answer.answer.text.trim() });
      });
    });
    return result;
  }

  /* The summary's plain text, from data(). */
  function text(summary) {
    var lines = ["Small Moments: my practice summary (" + summary.date + ")"];
    summary.exercises.forEach(function (exercise) {
      lines.push("", exercise.title, "  " + exercise.state);
      exercise.replies.forEach(function (reply) {
        lines.push("  Question " + reply.number + (reply.prompt ? ": " + reply.prompt : ""),
          "    My reply: " + reply.text);
      });
    });
    if (!summary.exercises.length) lines.push("", "No exercises started yet.");
    lines.push("", "Left out: " + summary.leftOut.join("; ") + ".");
    return lines.join("\n") + "\n";
  }

  /* For other features (a summary sent over a link): the data, and its text. */
  SM.summary = { data: data, text: text };

  function printText(text) {
    var sheet = document.createElement("pre");
    sheet.className = "sm-summary-sheet";
    sheet.textContent = text;
    document.body.appendChild(sheet);
    document.documentElement.classList.add("sm-print-summary");
    window.addEventListener("afterprint", function done() {
      document.documentElement.classList.remove("sm-print-summary");
      sheet.remove();
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }

  /* Reads what is saved itself: it does not wait for the progress list to be filled in. */
  function start(box) {
    var page = box.closest(".sm-progress") || document;
    box.hidden = false;
    var field = box.querySelector(".sm-summary__text");
    var status = box.querySelector(".sm-summary__status");
    box.querySelector(".sm-summary__make").addEventListener("click", function () {
      field.value = text(data(page, box.querySelector(".sm-summary__replies").checked));
      box.querySelector(".sm-summary__result").hidden = false;
      status.textContent = "Your summary is ready in the box. Read it before you share it.";
      field.focus();
    });
    box.querySelector(".sm-summary__copy").addEventListener("click", function () {
      SM.copyFrom(this, field.value, { done: "Summary copied", field: field }).then(function (copied) {
        status.textContent = copied ? "The summary was copied." :
          "This browser did not let the page copy. The summary is selected in its field: copy it from there.";
      });
    });
    box.querySelector(".sm-summary__print").addEventListener("click", function () {
      printText(field.value);
    });
  }

  SM.register("summary", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
