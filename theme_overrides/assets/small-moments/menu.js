/* Small Moments: the menu and the keyboard. Material's menu button is a label, which Tab skips:
   it becomes a named button that Enter and Space open, that says whether the menu is open, and
   Escape closes the menu again. While the menu is closed at narrow widths, site.css hides it, so
   its links are not in the Tab order. The skip link moves focus, not only the view, to the
   page's title; the colour-scheme switch Tab reaches is the one in use. */
(function (SM) {
  "use strict";

  function drawer() {
    return document.getElementById("__drawer");
  }

  function menuButton() {
    return document.querySelector("label.md-header__button[for='__drawer']");
  }

  function sync() {
    var toggle = drawer();
    var button = menuButton();
    if (toggle && button) button.setAttribute("aria-expanded", String(toggle.checked));
  }

  function setOpen(open) {
    var toggle = drawer();
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
  }

  /* The skip link's target takes focus; over http, instant navigation then loads the page
     again and replaces it, so the new page's target takes it once more when the page starts. */
  var skipping = null;

  function focusTarget(skip) {
    var target = skip && Date.now() < skip.until && document.getElementById(skip.id);
    skipping = skip;
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  SM.onStart(function () {
    if (skipping) focusTarget(skipping);
    skipping = null;
  });

  /* Started once: the header stays when instant navigation replaces the page. */
  SM.register("menu", function () {
    /* With the scheme taken from the system, Material checks neither switch, so Tab would land
       on the one named for the other scheme: check the one in use. */
    var scheme = document.body.getAttribute("data-md-color-scheme");
    var options = Array.from(document.querySelectorAll(".md-option"));
    if (!options.some(function (option) { return option.checked; })) {
      options.forEach(function (option) {
        option.checked = option.getAttribute("data-md-color-scheme") === scheme;
      });
    }
    /* Material switches on Enter; Space, a button's other key, does the same. */
    options.forEach(function (option) {
      option.addEventListener("keydown", function (event) {
        var label = option.nextElementSibling;
        if (event.key !== " " || !label || label.hidden) return;
        event.preventDefault();
        label.click();
      });
    });
    /* While its search is open at narrow widths Material fixes the page in place
       (body[data-md-scrolllock]) and frees it 100 ms after the search closes: a stop Tab
       reaches meanwhile (Tab held down, a slow phone) is never scrolled into view. Show it
       once the page is freed (locking changes nothing: the search field is in view). */
    new MutationObserver(function () {
      var stop = document.activeElement, box = stop && stop.getBoundingClientRect();
      if (box && (box.bottom <= 0 || box.top >= innerHeight)) stop.scrollIntoView({ block: "nearest" });
    }).observe(document.body, { attributeFilter: ["data-md-scrolllock"] });
    var button = menuButton();
    var toggle = drawer();
    if (!button || !toggle) return;
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Menu");
    sync();
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      if (event.repeat) return;
      setOpen(!toggle.checked);
      var first = toggle.checked && document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    });
    /* Material closes the menu itself after a link is followed, without an event. */
    ["change", "transitionend", "hashchange"].forEach(function (type) {
      document.addEventListener(type, sync);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked) return;
      setOpen(false);
      button.focus();
    });
    /* Focus that leaves the open menu (Tab past its last link) closes it. */
    document.addEventListener("focusin", function (event) {
      var menu = document.querySelector(".md-sidebar--primary");
      if (toggle.checked && menu && !menu.contains(event.target) && event.target !== button &&
          getComputedStyle(menu).position === "fixed") setOpen(false);
      sync();
    });
    document.addEventListener("click", function (event) {
      var skip = event.target.closest && event.target.closest(".md-skip");
      /* Instant navigation makes the link absolute: its hash names the target. */
      if (skip) focusTarget({ id: decodeURIComponent(skip.hash.slice(1)), until: Date.now() + 3000 });
    });
  });

  /* The done marks (marks.js) load only once something is saved: before lazy.js's step of
     the same start-up pass, the page's placeholder names their module and asks for the script. */
  SM.onStart(function (root) {
    var marker = root.querySelector(".sm-marks:not([data-sm-module])");
    if (marker && Object.keys(SM.store.get("exercises")).length) {
      marker.setAttribute("data-sm-module", "marks");
      marker.setAttribute("data-sm-scripts", "marks");
    }
  });
  /* The first answer saved on a page asks for them too. */
  document.addEventListener("sm:stored", function () { SM.start(document); });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
