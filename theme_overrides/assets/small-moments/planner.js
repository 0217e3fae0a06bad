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

  function remember(form) {
    var plans = {};
    form.querySelectorAll(".sm-ritual").forEach(function (box) {
      var f = fields(box);
      plans[box.getAttribute("data-sm-ritual")] = {
        on: f.pick.checked, time: f.time.value,
        days: f.days.filter(function (day) { return day.checked; }).map(function (day) { return day.value; })
      };
    });
    SM.store.setRituals(plans);
  }

  function restore(form) {
    var plans = SM.store.rituals();
    form.querySelectorAll(".sm-ritual").forEach(function (box) {
      var plan = plans[box.getAttribute("data-sm-ritual")];
      if (!plan) return;
      var f = fields(box);
      f.pick.checked = plan.on;
      if (/^\d\d:\d\d$/.test(plan.time)) f.time.value = plan.time;
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

  SM.enhancePlanner = function (root) {
    root.querySelectorAll(".sm-planner:not([data-sm-ready])").forEach(function (page) {
      page.setAttribute("data-sm-ready", "");
      page.querySelectorAll(".sm-nojs").forEach(function (node) { node.hidden = true; });
      page.querySelector(".sm-planner__actions").hidden = false;
      var form = page.querySelector(".sm-planner__form");
      restore(form);
      form.addEventListener("change", function () { remember(form); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        submit(page, form);
      });
      SM.store.showNotice(page);
    });
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
