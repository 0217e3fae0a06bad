/* Small Moments: "Your practice from your counselor", read from the link's #fragment (which
   browsers never send to a server) and kept on this device for the next visit. */
(function (SM) {
  "use strict";

  var limits = SM.settings();

  /* One counselor's list: { ids, note, savedAt }. The same caps hold for a link, an import and
     what is read back from storage: known-shaped ids, at most so many, a note of at most so
     many characters. */
  function cleanList(value, skipped) {
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
    if (!ids.length && !note) return null;
    return { ids: ids, note: note, savedAt: SM.check.isDate(value.savedAt) ? value.savedAt : "" };
  }

  function sameList(a, b) {
    return a.note === b.note && a.ids.join(",") === b.ids.join(",");
  }

  /* Lists first to last, each once (the first copy kept), at most so many. */
  function unique(lists) {
    var kept = [];
    lists.forEach(function (list) {
      if (kept.length < limits.assignmentMaxLists &&
          !kept.some(function (other) { return sameList(other, list); })) kept.push(list);
    });
    return kept;
  }

  /* The assignment slice: the lists kept, the one opened last first. One list on its own (as
     this slice was stored before several were kept) reads as a slice of one. */
  function cleanAssignment(value, skipped) {
    if (value === undefined || value === null) return [];
    var lists = Array.isArray(value) ? value : [value];
    return unique(lists.map(function (list) { return cleanList(list, skipped); })
      .filter(Boolean));
  }

  SM.store.slice("assignment", {
    clean: cleanAssignment,
    /* An imported file's lists come first; lists already kept stay after them. */
    merge: function (current, incoming) { return unique(incoming.concat(current)); },
    count: function (value) { return value.length; },
    noun: function (n) { return n === 1 ? "your counselor's list" : n + " lists from your counselor"; }
  });

  /* The counselor's lists for other features (My progress, the home page). */
  SM.assignments = {
    /* The lists kept, the one opened last first. */
    all: function () { return SM.store.get("assignment"); },
    /* The #fragment of a link that opens `list` again on the assignment page. */
    fragment: function (list) {
      var params = new URLSearchParams();
      params.set("a", list.ids.join(","));
      if (list.note) params.set("note", list.note);
      return "#" + params.toString();
    },
    /* Remove the list at `index`; gives back what `restore` needs to undo it. */
    remove: function (index, origin) {
      var removed = null;
      SM.store.change("assignment", function (lists) {
        removed = lists.splice(index, 1)[0] || null;
        return lists;
      }, origin);
      return removed;
    },
    /* Put a removed list back where it was. */
    restore: function (list, index, origin) {
      SM.store.change("assignment", function (lists) {
        lists.splice(Math.min(index, lists.length), 0, list);
        return unique(lists);
      }, origin);
    },
    same: sameList
  };

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
    var assignment = SM.store.get("assignment")[0] || { ids: [], note: "" };
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
        /* Opened again: the list moves to the front and keeps the day it was first saved. */
        SM.store.change("assignment", function (lists) {
          var list = { ids: link.ids, note: link.note, savedAt: new Date().toISOString().slice(0, 10) };
          var kept = lists.filter(function (other) { return sameList(other, list); })[0];
          return unique([kept || list].concat(lists));
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
