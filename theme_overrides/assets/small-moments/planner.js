/* Small Moments: the ritual planner. Readers pick rituals, days and a time; the choices stay in
   this browser, and "Download calendar file" makes an .ics file (ics.js) for their calendar app. */
(function (SM) {
  "use strict";

  function fields(box) {
    return {
      pick: box.querySelector(".sm-ritual__pick"),
      days: Array.from(box.querySelectorAll(".sm-ritual__day")),
      time: box.querySelector(".sm-ritual__time")
    };
  }

  var TIME = /^\d\d:\d\d$/;

  /* The rituals slice, by ritual id: { on, days, time }; for stored data and imports alike. */
  function cleanRituals(value, skipped) {
    var limits = SM.settings();
    var result = {};
    if (value === undefined) return result;
    if (!SM.check.isObject(value)) {
      skipped.push("ritual plans not in a known shape");
      return result;
    }
    Object.keys(value).forEach(function (id) {
      var plan = value[id];
      if (!SM.check.isId(id) || !SM.check.isObject(plan) || !Array.isArray(plan.days) ||
          typeof plan.time !== "string" || !(TIME.test(plan.time) || plan.time === "")) {
        skipped.push("a ritual plan not in a known shape");
      } else if (Object.keys(result).length >= limits.ritualMax) {
        skipped.push("more ritual plans than the planner keeps");
      } else {
        result[id] = { on: plan.on === true, time: plan.time,
          days: (limits.days || []).filter(function (day) { return plan.days.indexOf(day) !== -1; }) };
      }
    });
    return result;
  }

  SM.store.slice("rituals", {
    clean: cleanRituals,
    /* The file's plan wins for a ritual both have. */
    merge: function (current, incoming) {
      Object.keys(incoming).forEach(function (id) { current[id] = incoming[id]; });
      return current;
    },
    count: function (value) { return Object.keys(value).length; },
    noun: function (n) { return n + (n === 1 ? " ritual plan" : " ritual plans"); }
  });

  /* Save the one ritual the reader changed, on top of what is stored now. */
  function remember(page, box) {
    var f = fields(box);
    var id = box.getAttribute("data-sm-ritual");
    var plan = { on: f.pick.checked, time: f.time.value,
      days: f.days.filter(function (day) { return day.checked; }).map(function (day) { return day.value; }) };
    SM.store.change("rituals", function (plans) {
      plans[id] = plan;
      return plans;
    }, page);
  }

  function restore(form) {
    var plans = SM.store.get("rituals");
    form.querySelectorAll(".sm-ritual").forEach(function (box) {
      var id = box.getAttribute("data-sm-ritual");
      var f = fields(box);
      if (!Object.prototype.hasOwnProperty.call(plans, id)) {
        /* Nothing stored (or erased): the page's own suggestion. */
        f.pick.checked = f.pick.defaultChecked;
        f.time.value = f.time.defaultValue;
        f.days.forEach(function (day) { day.checked = day.defaultChecked; });
        return;
      }
      var plan = plans[id];
      f.pick.checked = plan.on;
      if (TIME.test(plan.time)) f.time.value = plan.time;
      f.days.forEach(function (day) { day.checked = plan.days.indexOf(day.value) !== -1; });
    });
  }

  function download(text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    link.download = "small-moments-rituals.ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function submit(page, form) {
    var status = page.querySelector(".sm-planner__status");
    var chosen = [];
    var problem = null;
    form.querySelectorAll(".sm-ritual").forEach(function (box) {
      var f = fields(box);
      if (!f.pick.checked || problem) return;
      var title = box.getAttribute("data-sm-title");
      var days = f.days.filter(function (day) { return day.checked; }).map(function (day) { return day.value; });
      if (!days.length) problem = ["Choose at least one day for “" + title + "”.", f.days[0]];
      else if (!/^\d\d:\d\d$/.test(f.time.value)) problem = ["Set a time for “" + title + "”.", f.time];
      else {
        chosen.push({ id: box.getAttribute("data-sm-ritual"), title: title,
          description: box.getAttribute("data-sm-description"),
          minutes: Number(box.getAttribute("data-sm-minutes")), days: days, time: f.time.value });
      }
    });
    if (!problem && !chosen.length) {
      problem = ["Tick “Add to my calendar” for at least one ritual first.",
        form.querySelector(".sm-ritual__pick")];
    }
    if (problem) {
      status.textContent = problem[0];
      problem[1].focus();
      return;
    }
    download(SM.ics.calendar({ rituals: chosen, now: new Date(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" }));
    status.textContent = "The file small-moments-rituals.ics is in your downloads, with " +
      chosen.length + (chosen.length === 1 ? " ritual" : " rituals") +
      ". Open it with your calendar app to add the reminders.";
  }

  function start(page) {
    page.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
    page.querySelector(".sm-planner__actions").hidden = false;
    var form = page.querySelector(".sm-planner__form");
    restore(form);
    form.addEventListener("change", function (event) {
      var box = event.target.closest(".sm-ritual");
      if (box) remember(page, box);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit(page, form);
    });
    /* Another tab changed a plan: show the plans as stored now. */
    SM.listen(page, "sm:stored", function (event) {
      if (event.detail.origin !== page) restore(form);
    });
    SM.store.showNotice(page);
  }

  SM.register("planner", start);
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
