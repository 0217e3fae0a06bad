/* Small Moments: "Your practice from your counselor", read from the link's #fragment (which
   browsers never send to a server) and kept on this device for the next visit. */
(function (SM) {
  "use strict";

  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  /* What a link holds: known exercise ids in order, the note, and what had to be left out. */
  function read(hash, known, cap) {
    var result = { ids: [], note: "", leftOut: 0, cut: false };
    var params;
    try {
      params = new URLSearchParams(hash.replace(/^#/, ""));
    } catch (error) {
      result.leftOut = 1;
      return result;
    }
    params.forEach(function (value, key) {
      if (key !== "a" && key !== "note") result.leftOut += 1;
    });
    (params.get("a") || "").split(",").forEach(function (id) {
      id = id.trim();
      if (!id) return;
      if (!ID.test(id) || known.indexOf(id) === -1) result.leftOut += 1;
      else if (result.ids.indexOf(id) === -1) result.ids.push(id);
    });
    if (params.get("a") === null) result.leftOut += 1;
    var note = (params.get("note") || "").trim();
    if (note.length > cap) {
      note = note.slice(0, cap);
      result.cut = true;
    }
    result.note = note;
    return result;
  }

  function show(page, assignment) {
    var list = page.querySelector(".sm-assignment__list");
    list.textContent = "";
    assignment.ids.forEach(function (id) {
      var item = page.querySelector('.sm-assignment__all [data-sm-exercise="' + id + '"]');
      if (!item) return;
      var copy = item.cloneNode(true);
      list.appendChild(copy);
      SM.describeProgress(copy);
    });
    var noteBox = page.querySelector(".sm-assignment__note-box");
    page.querySelector(".sm-assignment__note").textContent = assignment.note;
    noteBox.hidden = !assignment.note;
    page.querySelector(".sm-assignment__empty").hidden = assignment.ids.length > 0;
    page.querySelector(".sm-assignment__saved").hidden = assignment.ids.length === 0;
  }

  function enhance(page) {
    page.setAttribute("data-sm-ready", "");
    page.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    page.querySelector(".sm-assignment__body").hidden = false;
    var cap = Number(page.getAttribute("data-sm-note-cap"));
    var known = Array.from(page.querySelectorAll(".sm-assignment__all [data-sm-exercise]"))
      .map(function (item) { return item.getAttribute("data-sm-exercise"); });
    var messages = [];
    var assignment = SM.store.assignment() || { ids: [], note: "" };
    if (window.location.hash.length > 1) {
      var link = read(window.location.hash, known, cap);
      if (link.leftOut) {
        messages.push("Part of this link was not recognised, so it was left out. " +
          (link.ids.length ? "Everything else is below." :
            "Ask your counselor to send the link again, or choose from the Exercises page."));
      }
      if (link.cut) messages.push("The note was longer than " + cap + " characters, so the end was cut.");
      if (link.ids.length || link.note) {
        assignment = { ids: link.ids, note: link.note, savedAt: new Date().toISOString().slice(0, 10) };
        SM.store.setAssignment(assignment);
      }
    }
    page.querySelector(".sm-assignment__message").textContent = messages.join(" ");
    show(page, assignment);
    SM.store.showNotice(page);
  }

  SM.enhanceAssignment = function (root) {
    root.querySelectorAll(".sm-assignment:not([data-sm-ready])").forEach(enhance);
  };

  /* A second link opened on this page: read it afresh. */
  window.addEventListener("hashchange", function () {
    if (document.querySelector(".sm-assignment[data-sm-ready]")) window.location.reload();
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
