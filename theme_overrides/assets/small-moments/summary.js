/* Small Moments: "Summary for my counselor" on My progress, as plain text to copy or print.
   Written replies are included only when the reader ticks the box. */
(function (SM) {
  "use strict";

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /* The summary's text, from the progress items on the page and what is saved. */
  function summary(page, withReplies) {
    var saved = SM.store.get("exercises");
    var lines = ["Small Moments: my practice summary (" + today() + ")", ""];
    var started = 0;
    page.querySelectorAll(".sm-progress__list .sm-progress__item").forEach(function (item) {
      var entry = saved[item.getAttribute("data-sm-exercise")];
      if (!entry || !Object.keys(entry.answers).length) return;
      started += 1;
      var state = SM.progressOf(item, entry);
      lines.push(item.querySelector("a").textContent.trim() + ": " + state);
      if (!withReplies) return;
      item.getAttribute("data-sm-questions").split(" ").forEach(function (part, index) {
        var bits = part.split(":");
        var answer = entry.answers[bits[0]];
        if (bits[2] !== "0" || !answer || answer.fp !== bits[1] || !answer.answer ||
            typeof answer.answer.text !== "string") return;
        lines.push("  My reply to question " + (index + 1) + ": " + answer.answer.text.trim());
      });
    });
    if (!started) lines.push("No exercises started yet.");
    return lines.join("\n") + "\n";
  }

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
      field.value = summary(page, box.querySelector(".sm-summary__replies").checked);
      box.querySelector(".sm-summary__result").hidden = false;
      status.textContent = "Your summary is ready below. Read it before you share it.";
      field.focus();
    });
    box.querySelector(".sm-summary__copy").addEventListener("click", function () {
      SM.copy(field.value).then(function () {
        status.textContent = "The summary was copied.";
      }, function () {
        status.textContent = "This browser did not let the page copy. Select the text and copy it.";
      });
    });
    box.querySelector(".sm-summary__print").addEventListener("click", function () {
      printText(field.value);
    });
  }

  SM.register("summary", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
