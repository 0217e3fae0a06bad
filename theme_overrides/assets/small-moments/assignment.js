/* Small Moments: "Your practice from your counselor", read from the link's #fragment (which
   browsers never send to a server) and kept on this device for the next visit. */
(function (SM) {
  "use strict";

  var limits = SM.settings();

  /* The assignment slice: { ids, note, savedAt }. The same caps hold for a link, an import and
     what is read back from storage: known-shaped ids, at most so many, a note of at most so
     many characters. */
  function cleanAssignment(value, skipped) {
    if (value === undefined || value === null) return null;
    if (!SM.check.isObject(value) || !Array.isArray(value.ids) || typeof value.note !== "string") {
      skipped.push("a counselor's list not in a known shape");
      return null;
    }
    var ids = [];
    value.ids.forEach(function (id) {
      if (!SM.check.isId(id)) skipped.push("an exercise id not in a known shape");
      else if (ids.length >= limits.assignmentMaxExercises) skipped.push("more exercises than a list holds");
      else if (ids.indexOf(id) === -1) ids.push(id);
    });
    var note = value.note;
    if (note.length > limits.assignmentNoteCap) {
      skipped.push("the end of a note longer than " + limits.assignmentNoteCap + " characters");
      note = note.slice(0, limits.assignmentNoteCap);
    }
    return { ids: ids, note: note, savedAt: SM.check.isDate(value.savedAt) ? value.savedAt : "" };
  }

  SM.store.slice("assignment", {
    clean: cleanAssignment,
    /* One list at a time: an imported list replaces the one stored. */
    merge: function (current, incoming) { return incoming; },
    count: function (value) { return value && (value.ids.length || value.note) ? 1 : 0; },
    noun: function () { return "your counselor's list"; }
  });

  /* What a link holds: known exercise ids in order, the note, and what had to be left out. */
  function read(hash, known) {
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
      if (!SM.check.isId(id) || known.indexOf(id) === -1 ||
          result.ids.length >= limits.assignmentMaxExercises) result.leftOut += 1;
      else if (result.ids.indexOf(id) === -1) result.ids.push(id);
    });
    if (params.get("a") === null) result.leftOut += 1;
    var note = (params.get("note") || "").trim();
    if (note.length > limits.assignmentNoteCap) {
      note = note.slice(0, limits.assignmentNoteCap);
      result.cut = true;
    }
    result.note = note;
    return result;
  }

  function show(page) {
    var assignment = SM.store.get("assignment") || { ids: [], note: "" };
    var list = page.querySelector(".sm-assignment__list");
    var all = page.querySelector(".sm-assignment__all");
    list.textContent = "";
    assignment.ids.forEach(function (id) {
      var item = SM.find(all, "[data-sm-exercise]", "data-sm-exercise", id)[0];
      if (!item) return;
      var copy = item.cloneNode(true);
      var state = copy.querySelector(".sm-progress__state");
      state.textContent = SM.progressOf(copy);
      state.hidden = false;
      list.appendChild(copy);
    });
    var noteBox = page.querySelector(".sm-assignment__note-box");
    page.querySelector(".sm-assignment__note").textContent = assignment.note;
    noteBox.hidden = !assignment.note;
    page.querySelector(".sm-assignment__empty").hidden = list.children.length > 0;
    page.querySelector(".sm-assignment__saved").hidden = list.children.length === 0;
  }

  function start(page) {
    page.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    page.querySelector(".sm-assignment__body").hidden = false;
    var cap = limits.assignmentNoteCap;
    var known = Array.from(page.querySelectorAll(".sm-assignment__all [data-sm-exercise]"))
      .map(function (item) { return item.getAttribute("data-sm-exercise"); });
    var messages = [];
    if (window.location.hash.length > 1) {
      var link = read(window.location.hash, known);
      if (link.leftOut) {
        messages.push("Part of this link was not recognised, so it was left out. " +
          (link.ids.length ? "Everything else is below." :
            "Ask your counselor to send the link again, or choose from the Exercises page."));
      }
      if (link.cut) messages.push("The note was longer than " + cap + " characters, so the end was cut.");
      if (link.ids.length || link.note) {
        SM.store.change("assignment", function () {
          return { ids: link.ids, note: link.note, savedAt: new Date().toISOString().slice(0, 10) };
        }, page);
      }
    }
    page.querySelector(".sm-assignment__message").textContent = messages.join(" ");
    /* Another tab opened a new link, answered an exercise or erased: show what is stored now. */
    SM.listen(page, "sm:stored", function (event) {
      if (event.detail.origin !== page) show(page);
    });
    show(page);
    SM.store.showNotice(page);
  }

  SM.register("assignment", start);

  /* A second link opened on this page: read it afresh. */
  window.addEventListener("hashchange", function () {
    if (document.querySelector(".sm-assignment[data-sm-ready]")) window.location.reload();
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
