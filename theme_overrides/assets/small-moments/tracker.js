/* Small Moments: the bid tracker. Log a bid in seconds; see how often bids were turned toward
   over 7 and 30 days, as a small bar chart with the same in words. A mirror, not a grade. */
(function (SM) {
  "use strict";

  var FILE_APP = "small-moments-bids";
  var AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;
  /* From generator/limits.py, through the page: the form's answers and their words, the two
     research lines, the caps. */
  var limits = SM.settings();
  var WORDS = limits.bidWords || {};
  var LINES = limits.researchLines || [];

  /* A logged bid: { id, at: "YYYY-MM-DDTHH:MM" local time, who, how, response, note }. */
  function isBid(bid) {
    return SM.check.isObject(bid) && typeof bid.id === "string" && bid.id.length > 0 &&
      bid.id.length <= limits.bidIdCap && AT.test(bid.at) && typeof bid.note === "string" &&
      bid.note.length <= limits.bidNoteCap && Object.keys(WORDS).length > 0 &&
      Object.keys(WORDS).every(function (key) {
        return typeof bid[key] === "string" && Object.prototype.hasOwnProperty.call(WORDS[key], bid[key]);
      });
  }

  /* The bids slice: a list, one entry per id; applied to stored data and imports alike. */
  function cleanBids(value, skipped) {
    var result = [];
    var seen = Object.create(null);
    if (value === undefined) return result;
    if (!Array.isArray(value)) {
      skipped.push("bids not in a list");
      return result;
    }
    value.forEach(function (bid) {
      if (!isBid(bid)) skipped.push("a bid not in the tracker's format");
      else if (seen[bid.id]) skipped.push("a second bid with the same id");
      else if (result.length >= limits.bidMax) skipped.push("more bids than the tracker keeps");
      else {
        seen[bid.id] = true;
        result.push({ id: bid.id, at: bid.at, who: bid.who, how: bid.how, response: bid.response,
          note: bid.note });
      }
    });
    return result;
  }

  SM.store.slice("bids", {
    clean: cleanBids,
    /* The same id is the same bid: the file's copy replaces the one stored. */
    merge: function (current, incoming) {
      var ids = incoming.map(function (bid) { return bid.id; });
      return current.filter(function (bid) { return ids.indexOf(bid.id) === -1; }).concat(incoming)
        .slice(-limits.bidMax);
    },
    count: function (value) { return value.length; },
    noun: function (n) { return n + (n === 1 ? " bid" : " bids"); }
  });

  function bidsNow() {
    return SM.store.get("bids");
  }

  /* One change of the list: re-read, change, write (another tab's bids are kept). */
  function changeBids(page, change) {
    return SM.store.change("bids", change, page);
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* A Date as the value of a datetime-local field, in local time. */
  function local(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function parse(at) {
    var bits = at.split(/[-T:]/).map(Number);
    return new Date(bits[0], bits[1] - 1, bits[2], bits[3], bits[4]);
  }

  function when(at) {
    return parse(at).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short",
      hour: "2-digit", minute: "2-digit" });
  }

  function describe(bid) {
    return when(bid.at) + " · " + WORDS.who[bid.who] + " · " + WORDS.how[bid.how] + " · " +
      WORDS.response[bid.response] + (bid.note ? " · " + bid.note : "");
  }

  /* Bids in the last `days` days, and how many were turned toward. */
  function share(bids, days, now) {
    var since = now.getTime() - days * 86400000;
    var recent = bids.filter(function (bid) {
      var time = parse(bid.at).getTime();
      return time > since && time <= now.getTime() + 60000;
    });
    var toward = recent.filter(function (bid) { return bid.response === "toward"; }).length;
    return { total: recent.length, toward: toward,
      percent: recent.length ? Math.round(100 * toward / recent.length) : 0 };
  }

  function sentence(days, result) {
    if (!result.total) return "Last " + days + " days: no bids logged.";
    return "Last " + days + " days: " + result.toward + " of " + result.total +
      (result.total === 1 ? " bid" : " bids") + " turned toward (" + result.percent + "%).";
  }

  function part(parent, name, text) {
    var node = document.createElement("span");
    node.className = "sm-chart__" + name;
    if (text) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  /* Bars as wide as the page's column allows; the figure's caption says the same in words, so
     the chart itself is hidden from screen readers. The research lines only with `lines`. */
  function chart(box, rows, lines) {
    box.textContent = "";
    rows.concat(lines ? [null] : []).forEach(function (row) {
      var line = document.createElement("div");
      line.className = "sm-chart__row" + (row ? "" : " sm-chart__axis");
      box.appendChild(line);
      part(line, "label", row && row.label);
      var track = part(line, "track");
      if (row) part(track, "bar").style.width = row.result.percent + "%";
      if (lines) {
        LINES.forEach(function (percent) {
          part(track, row ? "line" : "tick", row ? "" : percent + "%").style.left = percent + "%";
        });
      }
      part(line, "value", row && (row.result.total ? row.result.percent + "%" : "none yet"));
    });
  }

  function render(page, state) {
    /* Newest first; bids of the same minute in the order they were logged, newest first. */
    var bids = bidsNow().sort(function (a, b) {
      if (a.at !== b.at) return a.at < b.at ? 1 : -1;
      return a.id < b.id ? 1 : -1;
    });
    var now = new Date();
    var week = share(bids, 7, now);
    var month = share(bids, 30, now);
    /* Next to a handful of bids the research lines would read like a score to reach. */
    var lines = month.total >= limits.researchLinesFrom;
    page.querySelector(".sm-tracker__summary").textContent = sentence(7, week) + " " +
      sentence(30, month) + (lines ? " The dashed lines mark " +
      LINES.map(function (n) { return n + "%"; }).join(" and ") + "." : "");
    page.querySelector(".sm-tracker__lines").hidden = !lines;
    page.querySelector(".sm-tracker__later").hidden = lines;
    chart(page.querySelector(".sm-tracker__chart"), [
      { label: "7 days", result: week }, { label: "30 days", result: month }], lines);
    var list = page.querySelector(".sm-tracker__entries");
    list.textContent = "";
    bids.forEach(function (bid, index) {
      /* The list counts down (reversed), so bid n is the one numbered n on screen; the number
         keeps the buttons' names apart when two bids share a minute. */
      var name = " bid " + (bids.length - index) + ", " + when(bid.at);
      var item = document.createElement("li");
      item.className = "sm-tracker__entry";
      item.setAttribute("data-sm-bid", bid.id);
      var text = document.createElement("span");
      text.className = "sm-tracker__text";
      text.textContent = describe(bid);
      item.appendChild(text);
      [["Edit", "sm-tracker__edit"], ["Delete", "sm-tracker__delete"]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button " + pair[1];
        button.textContent = pair[0];
        button.setAttribute("aria-label", pair[0] + name);
        button.addEventListener("click", function () {
          if (pair[0] === "Edit") startEditing(page, state, bid);
          else remove(page, state, bid);
        });
        item.appendChild(button);
      });
      list.appendChild(item);
    });
    page.querySelector(".sm-tracker__empty").hidden = bids.length > 0;
    SM.store.showNotice(page);
  }

  function say(page, text) {
    page.querySelector(".sm-tracker__status").textContent = text;
  }

  /* A group's radio buttons, by exact comparison of their name. */
  function radios(form, name) {
    return SM.find(form, "input[type=radio]", "name", "sm-bid-" + name);
  }

  function choose(form, name, value) {
    radios(form, name).forEach(function (radio) { radio.checked = radio.value === value; });
  }

  function chosen(form, name) {
    return radios(form, name).filter(function (radio) { return radio.checked; })[0];
  }

  function resetForm(page, state) {
    var form = page.querySelector(".sm-tracker__form");
    state.editing = null;
    form.querySelector(".sm-tracker__note").value = "";
    form.querySelector(".sm-tracker__when").value = local(new Date());
    form.querySelector(".sm-tracker__save").textContent = "Log this bid";
    form.querySelector(".sm-tracker__cancel").hidden = true;
  }

  function startEditing(page, state, bid) {
    var form = page.querySelector(".sm-tracker__form");
    state.editing = bid.id;
    Object.keys(WORDS).forEach(function (name) { choose(form, name, bid[name]); });
    form.querySelector(".sm-tracker__note").value = bid.note;
    form.querySelector(".sm-tracker__when").value = bid.at;
    form.querySelector(".sm-tracker__save").textContent = "Save changes";
    form.querySelector(".sm-tracker__cancel").hidden = false;
    say(page, "Editing the bid of " + when(bid.at) + ". Change it, then save.");
    chosen(form, "who").focus();
  }

  function remove(page, state, bid) {
    var items = Array.from(page.querySelectorAll(".sm-tracker__entry"));
    var position = items.findIndex(function (item) { return item.getAttribute("data-sm-bid") === bid.id; });
    changeBids(page, function (bids) {
      return bids.filter(function (other) { return other.id !== bid.id; });
    });
    if (state.editing === bid.id) resetForm(page, state);
    render(page, state);
    say(page, "The bid of " + when(bid.at) + " was deleted.");
    var left = page.querySelectorAll(".sm-tracker__entry .sm-tracker__edit");
    var next = left[Math.min(position, left.length - 1)];
    (next || page.querySelector(".sm-tracker__save")).focus();
  }

  function save(page, state) {
    var form = page.querySelector(".sm-tracker__form");
    var at = form.querySelector(".sm-tracker__when").value;
    if (!AT.test(at)) {
      say(page, "Please give a date and time for the bid.");
      form.querySelector(".sm-tracker__when").focus();
      return;
    }
    var bid = { id: state.editing || Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
      at: at, note: form.querySelector(".sm-tracker__note").value.trim().slice(0, limits.bidNoteCap) };
    Object.keys(WORDS).forEach(function (name) {
      bid[name] = chosen(form, name).value;
    });
    changeBids(page, function (bids) {
      return bids.filter(function (other) { return other.id !== bid.id; }).concat([bid]);
    });
    var edited = state.editing;
    resetForm(page, state);
    render(page, state);
    say(page, (edited ? "Changes saved: " : "Logged: ") + describe(bid) + ".");
  }

  function exportBids() {
    var payload = { app: FILE_APP, version: 1, exportedAt: new Date().toISOString(), bids: bidsNow() };
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
    link.download = "small-moments-bids.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function start(page) {
    var state = { editing: null };
    page.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    page.querySelectorAll(".sm-tracker__form, .sm-tracker__mirror, .sm-tracker__history")
      .forEach(function (node) { node.hidden = false; });
    var form = page.querySelector(".sm-tracker__form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save(page, state);
    });
    form.querySelector(".sm-tracker__cancel").addEventListener("click", function () {
      resetForm(page, state);
      say(page, "Editing cancelled.");
      form.querySelector(".sm-tracker__save").focus();
    });
    var input = page.querySelector(".sm-tracker__import");
    page.querySelector(".sm-tracker__export").addEventListener("click", exportBids);
    page.querySelector(".sm-tracker__import-button").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      SM.importFile(file, {
        app: FILE_APP,
        parts: function (payload) { return { bids: payload.bids }; },
        notOne: "that file is not a Small Moments bids file. Choose a file made with “Export my bids”."
      }).then(function (text) {
        input.value = "";
        render(page, state);
        say(page, text);
      });
    });
    /* Another tab (or My progress) changed the bids: show them as stored now. */
    SM.listen(page, "sm:stored", function (event) {
      if (event.detail.origin !== page) render(page, state);
    });
    resetForm(page, state);
    render(page, state);
  }

  SM.register("tracker", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
