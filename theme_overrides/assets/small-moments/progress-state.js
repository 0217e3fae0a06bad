/* Small Moments: how far the reader is in an exercise, for the pages that list exercises
   (My progress, its summary, the counselor's list). It reads what is saved itself, so none of
   those features waits for another to have run. */
(function (SM) {
  "use strict";

  /* A saved "YYYY-MM-DD" as the reader's browser writes dates ("1 Dec 2026", "Dec 1, 2026"). */
  SM.localDate = function (day) {
    var bits = day.split("-").map(Number);
    return new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" })
      .format(new Date(bits[0], bits[1] - 1, bits[2]));
  };

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
    var written = questions.length - scored.length;
    var parts = [];
    if (scored.length) parts.push("best answer in " + right.length + " of " + scored.length);
    if (written) parts.push(written + (written === 1 ? " reply" : " replies") + " written");
    if (entry.finishedAt) parts.push("finished " + SM.localDate(entry.finishedAt));
    return "Done" + (parts.length ? ": " + parts.join(" · ") : "");
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
