/* Small Moments: importing an exported file (My progress, the bid tracker). Nothing is touched
   until the whole file has been read and checked: its size (a stated cap), its header and
   version, then every entry against the same rules the store applies to its own data (each
   slice's clean). The valid entries are merged into what is stored in one write, and the
   reader is told exactly what was imported and what was skipped, and why; if nothing is
   valid, or the write fails, nothing changes. */
(function (SM) {
  "use strict";

  /* Read an exported file and merge what is valid in it. `options`: { app, parts(payload)
     -> { slice: raw value } or null, notOne: what to say when it is not such a file }.
     Resolves to the sentence to show the reader. */
  SM.importFile = function (file, options) {
    var cap = SM.settings().importMaxBytes || 0;
    var size = Math.round(cap / 1024 / 1024 * 10) / 10 + " MiB";
    var nothing = "Nothing was imported: ";
    if (!cap || file.size > cap) {
      return Promise.resolve(nothing + "the file is larger than " + size +
        ", the most this page reads. Your saved data is as it was.");
    }
    return file.text().then(function (text) {
      var payload = null;
      try {
        payload = JSON.parse(text);
      } catch (error) { /* not JSON: not one of ours */ }
      var parts = payload && payload.app === options.app && payload.version === 1 ?
        options.parts(payload) : null;
      if (!SM.check.isObject(parts)) return nothing + options.notOne;
      var incoming = {};
      var done = [];
      var skipped = [];
      Object.keys(parts).forEach(function (name) {
        var sliceRules = SM.store.rules(name);
        if (!sliceRules) {
          skipped.push("a part this page does not know");
          return;
        }
        var value = sliceRules.clean(parts[name], skipped);
        var count = sliceRules.count(value);
        if (count) {
          incoming[name] = value;
          done.push(sliceRules.noun(count));
        }
      });
      var why = {};
      skipped.forEach(function (reason) { why[reason] = (why[reason] || 0) + 1; });
      var reasons = Object.keys(why).map(function (reason) {
        return why[reason] > 1 ? reason + " (" + why[reason] + " times)" : reason;
      }).join("; ");
      var left = skipped.length + (skipped.length === 1 ? " entry" : " entries");
      if (!done.length) {
        return nothing + (skipped.length ? left + " in the file could not be used: " + reasons :
          "the file holds no entries") + ". Your saved data is as it was.";
      }
      if (!SM.store.merge(incoming)) {
        return nothing + "this browser did not let the site save it. Your saved data is as it was.";
      }
      var list = done.length > 1 ? done.slice(0, -1).join(", ") + " and " + done[done.length - 1] :
        done[0];
      return list + " imported" + (skipped.length ? ", " + left + " skipped: " + reasons : "") +
        ". Where the file and this browser both had the same entry, the file's copy was kept.";
    });
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
