/* Small Moments: "Your counselor's lists", the assignments kept in this browser (assignment.js
   keeps them), each a link back to its page with how much is done: "2 of 5 done". On My
   progress each can be removed, with Undo. The block stays hidden while no list is kept. */
(function (SM) {
  "use strict";

  function label(list, many) {
    return "Your counselor's list" + (many && list.savedAt ? " of " + list.savedAt : "");
  }

  /* How many of the list's exercises are done, read as My progress reads them. */
  function done(list) {
    var count = 0;
    list.ids.forEach(function (id) {
      var item = SM.find(document, ".sm-progress__item", "data-sm-exercise", id)[0];
      if (item && SM.progressOf(item).indexOf("Done") === 0) count += 1;
    });
    return count;
  }

  function row(box, list, index, total) {
    var many = total > 1;
    var item = document.createElement("li");
    item.className = "sm-lists__item";
    var link = document.createElement("a");
    link.href = box.getAttribute("data-sm-href") + SM.assignments.fragment(list);
    link.textContent = label(list, many);
    item.appendChild(link);
    var count = document.createElement("span");
    count.className = "sm-lists__done";
    count.textContent = ": " + done(list) + " of " + list.ids.length + " done";
    item.appendChild(count);
    if (list.note) {
      var note = document.createElement("span");
      note.className = "sm-lists__note";
      note.textContent = list.note;
      item.appendChild(note);
    }
    if (box.hasAttribute("data-sm-removable")) {
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "md-button sm-lists__remove";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", "Remove " + label(list, many).replace(/^Your/, "your") +
        (many ? " (" + (index + 1) + " of " + total + ")" : "") + " from this browser");
      remove.addEventListener("click", function () { removeAt(box, index); });
      item.appendChild(remove);
    }
    return item;
  }

  function show(box) {
    var lists = SM.assignments.all();
    var target = box.querySelector(".sm-lists__list");
    target.textContent = "";
    lists.forEach(function (list, index) {
      target.appendChild(row(box, list, index, lists.length));
    });
    var removed = box.querySelector(".sm-lists__removed");
    box.hidden = !lists.length && !(removed && !removed.hidden);
  }

  function removeAt(box, index) {
    var list = SM.assignments.remove(index, box);
    if (!list) return;
    box.smUndo = { list: list, index: index };
    show(box);
    var removed = box.querySelector(".sm-lists__removed");
    box.querySelector(".sm-lists__removed-text").textContent =
      "The list was removed from this browser. Your answers to its exercises are kept.";
    removed.hidden = false;
    box.hidden = false;
    box.querySelector(".sm-lists__status").textContent = "The list was removed. Undo is next.";
    box.querySelector(".sm-lists__undo").focus();
  }

  function undo(box) {
    var last = box.smUndo;
    if (!last) return;
    box.smUndo = null;
    SM.assignments.restore(last.list, last.index, box);
    box.querySelector(".sm-lists__removed").hidden = true;
    show(box);
    box.querySelector(".sm-lists__status").textContent = "The list is back.";
    var links = box.querySelectorAll(".sm-lists__item a");
    var back = links[Math.min(last.index, links.length - 1)];
    if (back) back.focus();
  }

  SM.register("lists", function (box) {
    var undoButton = box.querySelector(".sm-lists__undo");
    if (undoButton) undoButton.addEventListener("click", function () { undo(box); });
    /* Another tab opened a list, answered an exercise or erased: show what is kept now. */
    SM.listen(box, "sm:stored", function (event) {
      if (event.detail.origin !== box) show(box);
    });
    show(box);
  });
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
