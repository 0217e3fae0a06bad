/* Small Moments: how far the reader is in an exercise, for the pages that list exercises
   (My progress, its summary, the counselor's list). It reads what is saved itself, so none of
   those features waits for another to have run. */
(function (SM) {
  "use strict";

  /* What the reader has done of the exercise a `.sm-progress__item` lists ("Not started",
     "In progress: ...", "Done: ..."), from its data-sm-questions and what is saved. */
  SM.progressOf = function (item, entry) {
    entry = entry || SM.store.get("exercises")[item.getAttribute("data-sm-exercise")] || { answers: {} };
    var questions = (item.getAttribute("data-sm-questions") || "").split(" ").filter(Boolean)
      .map(function (part) {
        var bits = part.split(":");
        return { id: bits[0], fp: bits[1], scored: bits[2] === "1" };
      });
    var answered = questions.filter(function (q) {
      var saved = entry.answers[q.id];
      return saved && saved.fp === q.fp;
    });
    if (!answered.length) return "Not started";
    if (answered.length < questions.length) {
      return "In progress: " + answered.length + " of " + questions.length + " questions answered";
    }
    var scored = questions.filter(function (q) { return q.scored; });
    var right = scored.filter(function (q) { return entry.answers[q.id].result === "right"; });
    var text = "Done";
    if (scored.length) text += ": best answer in " + right.length + " of " + scored.length;
    if (entry.finishedAt) text += " · finished " + entry.finishedAt;
    return text;
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
