/* Small Moments: the copy for reading offline. Where the site is hosted (https, or http on this
   computer), it registers the service worker (sw.js at the site's root) once the page has
   loaded and the browser is idle, so keeping the copy never slows a first visit. When a new
   version has been kept and takes over, a calm message says so and offers to reload. From a
   folder (file://), where browsers run no service worker, it does nothing at all. */
(function (SM) {
  "use strict";

  function hosted() {
    return "serviceWorker" in navigator && window.isSecureContext &&
      /^https?:$/.test(window.location.protocol);
  }

  function whenIdle(run) {
    function later() {
      if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: 5000 });
      else window.setTimeout(run, 1000);
    }
    if (document.readyState === "complete") later();
    else window.addEventListener("load", later, { once: true });
  }

  /* The message's words and buttons are the page's own (main.html's template); its styles
     load with it, the one time it is needed. */
  function announce(box, styleSheet) {
    var template = document.getElementById("sm-offline-message");
    if (!template || box.firstChild) return;
    var styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = styleSheet;
    function show() {
      box.appendChild(template.content.cloneNode(true));
      box.querySelector(".sm-offline__reload").addEventListener("click", function () {
        window.location.reload();
      });
      box.querySelector(".sm-offline__later").addEventListener("click", function () {
        box.hidden = true;
      });
      box.hidden = false;
    }
    styles.addEventListener("load", show, { once: true });
    styles.addEventListener("error", show, { once: true });
    document.head.appendChild(styles);
  }

  SM.register("offline", function (box) {
    if (!hosted()) return;
    /* Addresses relative to this first page: instant navigation may change it later. */
    var worker = new URL(box.getAttribute("data-sm-worker"), document.baseURI).href;
    var styleSheet = new URL("offline.css", new URL(box.getAttribute("data-sm-runtime"),
                                                    document.baseURI)).href;
    var container = navigator.serviceWorker;
    var controlled = !!container.controller;
    /* A page already served by the worker, taken over by a newer one: a new version. */
    container.addEventListener("controllerchange", function () {
      if (controlled) announce(box, styleSheet);
      controlled = true;
    });
    whenIdle(function () {
      container.register(worker).catch(function (error) {
        console.warn("Small Moments: the copy for reading offline is not available", error);
      });
    });
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
