/* Small Moments: the My progress page (states, export, import, erase), all on this device.
   Importing merges the valid entries of a file into what is stored, in one write. */
(function (SM) {
  "use strict";

  var FILE_APP = "small-moments-progress";

  function render(page) {
    var saved = SM.store.get("exercises");
    page.querySelectorAll(".sm-progress__item").forEach(function (item) {
      var state = item.querySelector(".sm-progress__state");
      state.textContent = SM.progressOf(item, saved[item.getAttribute("data-sm-exercise")] || { answers: {} });
      state.hidden = false;
    });
    SM.store.showNotice(page);
  }

  function say(page, text) {
    page.querySelector(".sm-progress__message").textContent = text;
  }

  /* Material keeps the colour scheme and the chosen content tab under keys of its own. */
  function eraseThemeChoices() {
    ["__palette", "__tabs"].forEach(function (name) {
      try {
        window.localStorage.removeItem(window.__md_scope.pathname + "." + name);
      } catch (error) { /* nothing stored to remove */ }
    });
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

  /* The parts of an exported file: every saved slice but the version. */
  function parts(payload) {
    var progress = payload.progress;
    if (!SM.check.isObject(progress) || progress.version !== 1) return null;
    var result = {};
    Object.keys(progress).forEach(function (name) {
      if (name !== "version") result[name] = progress[name];
    });
    return result;
  }

  function start(page) {
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
      SM.importFile(file, {
        app: FILE_APP, parts: parts,
        notOne: "that file is not a Small Moments progress file. Choose a file made with “Export my progress”."
      }).then(function (text) {
        input.value = "";
        render(page);
        say(page, text);
      });
    });

    eraseButton.addEventListener("click", function () {
      say(page, "");
      confirmBox.hidden = false;
      page.querySelector(".sm-erase-no").focus();
    });
    page.querySelector(".sm-erase-no").addEventListener("click", function () {
      confirmBox.hidden = true;
      eraseButton.focus();
    });
    page.querySelector(".sm-erase-yes").addEventListener("click", function () {
      SM.store.erase();
      eraseThemeChoices();
      confirmBox.hidden = true;
      render(page);
      say(page, "Everything this site stored in this browser was erased, your choice of light " +
        "or dark colours too.");
      eraseButton.focus();
    });
    /* Another tab answered, imported or erased: show what is stored now. */
    SM.listen(page, "sm:stored", function () { render(page); });
    render(page);
  }

  SM.register("progress", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
