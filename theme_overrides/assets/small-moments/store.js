/* Small Moments: progress kept on this device only, under one namespaced, versioned key. */
(function (SM) {
  "use strict";

  var KEY = "small-moments:v1";
  var PRIVATE = "small-moments:private";
  var state = { available: true, unreadable: false, memory: null };

  /* A private visit keeps answers in this tab only (sessionStorage); otherwise localStorage. */
  function isPrivate() {
    try {
      return window.sessionStorage.getItem(PRIVATE) === "on";
    } catch (error) {
      return false;
    }
  }

  function area() {
    return isPrivate() ? window.sessionStorage : window.localStorage;
  }

  function empty() {
    return { version: 1, exercises: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Keep only well-formed entries; returns null when the whole shape is wrong. */
  function clean(data) {
    if (!isObject(data) || data.version !== 1 || !isObject(data.exercises)) return null;
    var result = empty();
    Object.keys(data.exercises).forEach(function (id) {
      var entry = data.exercises[id];
      if (!isObject(entry) || !isObject(entry.answers)) return;
      var answers = {};
      Object.keys(entry.answers).forEach(function (qid) {
        var saved = entry.answers[qid];
        if (isObject(saved) && typeof saved.fp === "string" && typeof saved.result === "string" &&
            "answer" in saved) {
          answers[qid] = { fp: saved.fp, answer: saved.answer, result: saved.result };
        }
      });
      result.exercises[id] = { answers: answers };
      if (typeof entry.finishedAt === "string") result.exercises[id].finishedAt = entry.finishedAt;
    });
    var assignment = data.assignment;
    if (isObject(assignment) && Array.isArray(assignment.ids) && typeof assignment.note === "string") {
      result.assignment = {
        ids: assignment.ids.filter(function (id) { return typeof id === "string"; }),
        note: assignment.note,
        savedAt: typeof assignment.savedAt === "string" ? assignment.savedAt : ""
      };
    }
    if (Array.isArray(data.bids)) result.bids = data.bids.filter(isBid);
    if (isObject(data.rituals)) {
      result.rituals = {};
      Object.keys(data.rituals).forEach(function (id) {
        var plan = data.rituals[id];
        if (isObject(plan) && Array.isArray(plan.days) && typeof plan.time === "string") {
          result.rituals[id] = { on: plan.on === true, time: plan.time,
            days: plan.days.filter(function (day) { return DAYS.indexOf(day) !== -1; }) };
        }
      });
    }
    return result;
  }

  var DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  var BID = { who: ["me", "partner"], how: ["words", "touch", "look", "message"],
    response: ["toward", "away", "against"] };

  /* A logged bid: { id, at: "YYYY-MM-DDTHH:MM" local time, who, how, response, note }. */
  function isBid(bid) {
    return isObject(bid) && typeof bid.id === "string" && bid.id.length <= 40 &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(bid.at) && typeof bid.note === "string" &&
      bid.note.length <= 200 && Object.keys(BID).every(function (key) {
        return BID[key].indexOf(bid[key]) !== -1;
      });
  }

  function read() {
    if (state.memory) return state.memory;
    var raw;
    try {
      raw = area().getItem(KEY);
    } catch (error) {
      state.available = false;
      state.memory = empty();
      return state.memory;
    }
    if (raw === null) return empty();
    try {
      var data = clean(JSON.parse(raw));
      if (data) return data;
    } catch (error) { /* unreadable: start afresh below */ }
    state.unreadable = true;
    return empty();
  }

  function write(data) {
    if (!state.available) {
      state.memory = data;
      return false;
    }
    try {
      area().setItem(KEY, JSON.stringify(data));
      state.unreadable = false;
      return true;
    } catch (error) {
      state.available = false;
      state.memory = data;
      return false;
    }
  }

  SM.store = {
    key: KEY,
    clean: clean,

    /* Everything saved, as { version, exercises: { id: { answers, finishedAt } } }. */
    all: read,

    /* One exercise's saved answers. */
    exercise: function (id) {
      return read().exercises[id] || { answers: {} };
    },

    /* Change one exercise's entry with `change(entry)`, then save. */
    update: function (id, change) {
      var data = read();
      var entry = data.exercises[id] || { answers: {} };
      change(entry);
      if (Object.keys(entry.answers).length || entry.finishedAt) data.exercises[id] = entry;
      else delete data.exercises[id];
      return write(data);
    },

    /* The practice a counselor's link gave, as { ids, note, savedAt }, or null. */
    assignment: function () {
      return read().assignment || null;
    },

    /* Keep a counselor's practice list on this device. */
    setAssignment: function (assignment) {
      var data = read();
      data.assignment = assignment;
      return write(data);
    },

    /* The bid tracker's entries, and saving a new list of them. */
    bids: function () {
      return (read().bids || []).slice();
    },
    setBids: function (bids) {
      var data = read();
      data.bids = bids.filter(isBid);
      return write(data);
    },
    isBid: isBid,

    /* The ritual planner's choices, by ritual id: { on, days, time }. */
    rituals: function () {
      return read().rituals || {};
    },
    setRituals: function (rituals) {
      var data = read();
      data.rituals = rituals;
      return write(data);
    },

    /* Replace everything with imported data (already cleaned). */
    replace: function (data) {
      return write(data);
    },

    /* Remove everything this site stored. */
    erase: function () {
      state.memory = state.available ? null : empty();
      state.unreadable = false;
      ["localStorage", "sessionStorage"].forEach(function (name) {
        try {
          window[name].removeItem(KEY);
        } catch (error) { /* nothing stored to remove */ }
      });
    },

    /* Whether this tab is on a private visit. */
    isPrivate: isPrivate,

    /* Start or end a private visit in this tab; ending it drops the tab's answers. */
    setPrivate: function (on) {
      try {
        if (on) {
          window.sessionStorage.setItem(PRIVATE, "on");
        } else {
          window.sessionStorage.removeItem(PRIVATE);
          window.sessionStorage.removeItem(KEY);
        }
      } catch (error) {
        return false;
      }
      state.available = true;
      state.unreadable = false;
      state.memory = null;
      return isPrivate() === on;
    },

    /* A sentence for the reader when progress cannot be kept, or null. */
    notice: function () {
      read();
      if (!state.available) {
        return "This browser is not letting the site save anything, so your answers will be " +
          "lost when you leave this page. The exercises still work.";
      }
      if (state.unreadable) {
        return "The progress saved in this browser could not be read, so it starts afresh. " +
          "Nothing else was changed.";
      }
      return null;
    },

    /* Show the notice in every `.sm-storage` element under `root`. */
    showNotice: function (root) {
      var text = SM.store.notice();
      root.querySelectorAll(".sm-storage").forEach(function (node) {
        node.textContent = text || "";
        node.hidden = !text;
      });
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
