/* Small Moments: the My progress page (states, export, import, erase), all on this device. */
(function (SM) {
  "use strict";

  var FILE_APP = "small-moments-progress";

  /* The questions an exercise has now: [{ id, fp, scored }]. */
  function questionsOf(item) {
    return item.getAttribute("data-sm-questions").split(" ").filter(Boolean).map(function (part) {
      var bits = part.split(":");
      return { id: bits[0], fp: bits[1], scored: bits[2] === "1" };
    });
  }

  function describe(item, entry) {
    var questions = questionsOf(item);
    var answered = questions.filter(function (q) {
      var saved = entry.answers[q.id];
      return saved && saved.fp === q.fp;
    });
    if (!answered.length) return "Not started";
    if (answered.length < questions.length) {
      return "In progress: " + answered.length + " of " + questions.length + " questions answered";
    }
    var scored = questions.filter(function (q) { return q.scored; });
    var right = scored.filter(function (q) { return entry.answers[q.id].result === "right"; });
    var text = "Done";
    if (scored.length) text += ": best answer in " + right.length + " of " + scored.length;
    if (entry.finishedAt) text += " · finished " + entry.finishedAt;
    return text;
  }

  function render(page) {
    var data = SM.store.all();
    page.querySelectorAll(".sm-progress__item").forEach(function (item) {
      var entry = data.exercises[item.getAttribute("data-sm-exercise")] || { answers: {} };
      var state = item.querySelector(".sm-progress__state");
      state.textContent = describe(item, entry);
      state.hidden = false;
    });
    SM.store.showNotice(page);
  }

  function say(page, text) {
    page.querySelector(".sm-progress__message").textContent = text;
  }

  function download(data) {
    var payload = { app: FILE_APP, version: 1, exportedAt: new Date().toISOString(), progress: data };
    var blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "small-moments-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* The progress inside an exported file's text, or null when it is not one. */
  function parseExport(text) {
    try {
      var payload = JSON.parse(text);
      if (!payload || payload.app !== FILE_APP || payload.version !== 1) return null;
      return SM.store.clean(payload.progress);
    } catch (error) {
      return null;
    }
  }

  function enhance(page) {
    page.setAttribute("data-sm-ready", "");
    page.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    page.querySelector(".sm-progress__tools").hidden = false;
    var confirmBox = page.querySelector(".sm-erase-confirm");
    var eraseButton = page.querySelector(".sm-erase");
    var input = page.querySelector(".sm-import");

    page.querySelector(".sm-export").addEventListener("click", function () {
      download(SM.store.all());
      say(page, "Your progress was saved as the file small-moments-progress.json in your downloads.");
    });

    page.querySelector(".sm-import-button").addEventListener("click", function () {
      input.click();
    });

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = parseExport(text);
        input.value = "";
        if (!data) {
          say(page, "That file is not a Small Moments progress file, so nothing was changed. " +
            "Choose a file made with “Export my progress”.");
          return;
        }
        SM.store.replace(data);
        render(page);
        say(page, "Your progress was imported.");
      });
    });

    eraseButton.addEventListener("click", function () {
      confirmBox.hidden = false;
      page.querySelector(".sm-erase-no").focus();
    });
    page.querySelector(".sm-erase-no").addEventListener("click", function () {
      confirmBox.hidden = true;
      eraseButton.focus();
    });
    page.querySelector(".sm-erase-yes").addEventListener("click", function () {
      SM.store.erase();
      confirmBox.hidden = true;
      render(page);
      say(page, "Everything this site stored in this browser was erased.");
      eraseButton.focus();
    });
    render(page);
  }

  /* Show the reader's progress on one `.sm-progress__item` (used by other pages too). */
  SM.describeProgress = function (item) {
    var entry = SM.store.all().exercises[item.getAttribute("data-sm-exercise")] || { answers: {} };
    var state = item.querySelector(".sm-progress__state");
    state.textContent = describe(item, entry);
    state.hidden = false;
  };

  /* Called by the quiz runtime on every page load and instant navigation. */
  SM.progress = function (root) {
    root.querySelectorAll(".sm-progress:not([data-sm-ready])").forEach(enhance);
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
