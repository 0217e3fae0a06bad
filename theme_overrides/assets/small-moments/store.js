/* Small Moments: what is kept on this device, under one namespaced, versioned key. The store is
   generic: each feature registers its slice of the saved data ("exercises", "bids", ...) with
   the rules that clean and merge it, and changes only that slice. Every change re-reads the
   key right before writing, so two open tabs merge rather than overwrite; a change made in
   another tab reaches this one as an "sm:stored" event (from the browser's storage event). */
(function (SM) {
  "use strict";

  var KEY = "small-moments:v1";
  var PRIVATE = "small-moments:private";
  var VERSION = 1;
  var state = { available: true, unreadable: false, memory: null };
  var slices = {};

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

  var isObject = SM.check.isObject;

  /* Everything stored, as written: { version, <slice>: ... }; slices are cleaned when read. */
  function load() {
    if (state.memory) return JSON.parse(JSON.stringify(state.memory));
    var raw;
    try {
      raw = area().getItem(KEY);
    } catch (error) {
      state.available = false;
      state.memory = { version: VERSION };
      return { version: VERSION };
    }
    if (raw === null) return { version: VERSION };
    try {
      var data = JSON.parse(raw);
      if (isObject(data) && data.version === VERSION) return data;
    } catch (error) { /* unreadable: start afresh below */ }
    state.unreadable = true;
    return { version: VERSION };
  }

  /* Write everything; false when nothing could be stored. A `strict` write (an import) keeps
     what was there when it fails; otherwise the tab carries on in memory. */
  function save(data, strict) {
    if (!state.available) {
      if (strict) return false;
      state.memory = data;
      return false;
    }
    try {
      area().setItem(KEY, JSON.stringify(data));
      state.unreadable = false;
      return true;
    } catch (error) {
      if (strict) return false;
      state.available = false;
      state.memory = data;
      return false;
    }
  }

  function rules(name) {
    if (!slices[name]) throw new Error("no rules for " + name);
    return slices[name];
  }

  /* Put a cleaned slice value into `data`, or drop the slice when it holds nothing. */
  function put(data, name, value) {
    if (rules(name).count(value)) data[name] = value;
    else delete data[name];
  }

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) SM.emit("sm:stored");
  });

  SM.store = {

    /* A feature's slice: { clean(value, skipped) -> a well-formed value (what is not is
       dropped, with a reason pushed to `skipped`), merge(current, incoming) -> value,
       count(value) -> entries, noun(n) -> "3 bids" }. */
    slice: function (name, sliceRules) {
      slices[name] = sliceRules;
    },
    rules: function (name) {
      return slices[name] || null;
    },

    /* A slice as stored now, cleaned by its rules. */
    get: function (name) {
      return rules(name).clean(load()[name], []);
    },


    /* Change one slice: `change(value)` returns the new value. Re-reads first, so whatever
       another tab stored meanwhile is kept. `origin` (the element that changed it) comes back
       in the "sm:stored" event, so a feature can skip its own changes. */
    change: function (name, change, origin) {
      var data = load();
      put(data, name, change(rules(name).clean(data[name], [])));
      var saved = save(data, false);
      SM.emit("sm:stored", { origin: origin });
      return saved;
    },

    /* Merge imported slices ({ name: cleaned value }) into what is stored, in one write.
       Returns whether the write succeeded; if it did not, nothing was changed. */
    merge: function (incoming, origin) {
      var data = load();
      if (!state.available) return false;
      Object.keys(incoming).forEach(function (name) {
        var current = rules(name).clean(data[name], []);
        put(data, name, rules(name).merge(current, incoming[name]));
      });
      var saved = save(data, true);
      if (saved) SM.emit("sm:stored", { origin: origin });
      return saved;
    },

    /* Everything stored, for an export (slices this page has no rules for included). */
    all: load,

    /* Remove everything this site stored. */
    erase: function () {
      state.memory = state.available ? null : { version: VERSION };
      state.unreadable = false;
      ["localStorage", "sessionStorage"].forEach(function (name) {
        try {
          window[name].removeItem(KEY);
        } catch (error) { /* nothing stored to remove */ }
      });
      SM.emit("sm:stored");
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
      load();
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
