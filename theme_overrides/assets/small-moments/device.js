/* Small Moments: the shared-device note and the private-visit switch beside stored answers. */
(function (SM) {
  "use strict";

  var REFOCUS = "small-moments:refocus-private";

  function show(box) {
    var on = SM.store.isPrivate();
    var notes = box.querySelectorAll(".sm-device__note");
    notes[0].hidden = on;
    notes[1].hidden = !on;
    box.querySelector(".sm-private").checked = on;
    box.hidden = false;
  }

  /* Switching reloads the page, so every answer shown comes from the store now in use. */
  function toggle(event) {
    if (!SM.store.setPrivate(event.target.checked)) {
      event.target.checked = SM.store.isPrivate();
      return;
    }
    try {
      window.sessionStorage.setItem(REFOCUS, "1");
    } catch (error) { /* focus simply starts at the top */ }
    window.location.reload();
  }

  SM.register("device", function (box) {
    show(box);
    var input = box.querySelector(".sm-private");
    input.addEventListener("change", toggle);
    try {
      if (window.sessionStorage.getItem(REFOCUS)) {
        window.sessionStorage.removeItem(REFOCUS);
        input.focus();
      }
    } catch (error) { /* no session storage: nothing to refocus */ }
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
