/* Small Moments: a calendar file (RFC 5545) of the reader's rituals, made on this device. */
(function (SM) {
  "use strict";

  /* Weekday codes in week order and a ritual's longest length: generator/limits.py. */
  var limits = SM.settings();
  var DAYS = limits.days || [];
  var MAX_MINUTES = limits.ritualMaxMinutes || 0;
  var MINUTE = 60000;

  /* "20260329T020000": a time in ms since 1970, read as UTC. */
  function stamp(ms) {
    return new Date(ms).toISOString().replace(/[-:]|\.\d+Z/g, "");
  }

  /* "+0530" or "-0500": a UTC offset in minutes. */
  function offset(minutes) {
    return (minutes < 0 ? "-" : "+") + stamp(Math.abs(minutes) * MINUTE).slice(9, 13);
  }

  /* A TEXT value: control characters dropped, backslash, semicolon, comma and line breaks escaped. */
  function text(value) {
    return String(value).replace(/\r\n?/g, "\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "")
      .replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
  }

  /* A string's text without surrounding space, or "" for anything else. */
  function clean(value) {
    return typeof value === "string" ? value.trim() : "";
  }

  /* Fold a content line at 75 octets of UTF-8, never inside a character; a lone surrogate
     counts as the 3-octet U+FFFD that UTF-8 encoders write for it. */
  function fold(line) {
    var size = 0;
    return line.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, function (c) {
      var octets = c.length > 1 ? 4 : c < "\x80" ? 1 : c < "\u0800" ? 2 : 3;
      size += octets;
      if (size <= 75) return c;
      size = 1 + octets;
      return "\r\n " + c;
    });
  }

  /* The zone's wall clock at a minute (since 1970, UTC), as minutes since 1970 on that clock;
     the zone's UTC offset at that minute is wall(m) - m, and wall.id is the zone's name as the
     browser spells it. Throws for a zone the browser lacks. */
  function clock(zone) {
    var format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric",
      month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    function wall(m) {
      var p = format.format(m * MINUTE).match(/\d+/g); /* month, day, year, hour, minute */
      return Date.UTC(p[2], p[0] - 1, p[1], p[3] % 24, p[4]) / MINUTE;
    }
    wall.id = format.resolvedOptions().timeZone;
    return wall;
  }

  /* The wanted IANA zone, else the browser's own (undefined), else UTC: a name that is safe in a
     TZID parameter (an offset such as "+05:30" is not). */
  function pickZone(wanted) {
    var names = [wanted, undefined, "UTC"], wall;
    for (var i = 0; i < names.length; i++) {
      try {
        wall = clock(names[i]);
        if (/^[\w+\-\/]+$/.test(wall.id || "")) return wall;
      } catch (error) { /* not a zone this browser knows: try the next */ }
    }
  }

  /* Every change of offset in one year, as { at: first minute of the new offset, from, to }:
     probed once a day, then narrowed down to the minute. */
  function changes(wall, year) {
    var found = [], m = Date.UTC(year, 0, 1) / MINUTE, end = Date.UTC(year + 1, 0, 1) / MINUTE;
    var before = wall(m) - m, after, lo, hi, mid;
    for (; m < end; m += 1440) {
      after = wall(m + 1440) - m - 1440;
      if (after === before) continue;
      for (lo = m, hi = m + 1440; hi - lo > 1;) {
        mid = Math.floor((lo + hi) / 2);
        if (wall(mid) - mid === before) lo = mid; else hi = mid;
      }
      found.push({ at: hi, from: before, to: after });
      before = after;
    }
    return found;
  }

  /* A change as a yearly rule: its month and the nth (or last, -1) weekday of it, on the wall
     clock before the change (as RFC 5545 has it); `key` compares one year's rule with another's.
     The rule starts 28 years earlier, before any event it serves: from 1901 to 2099 the calendar
     repeats every 28 years, so that is the same weekday of the month. */
  function rule(change) {
    var local = new Date((change.at + change.from) * MINUTE);
    var month = local.getUTCMonth(), day = local.getUTCDate(), year = local.getUTCFullYear();
    var nth = day + 7 > new Date(Date.UTC(year, month + 1, 0)).getUTCDate() ? -1 : Math.ceil(day / 7);
    var rrule = "FREQ=YEARLY;BYMONTH=" + (month + 1) + ";BYDAY=" + nth + DAYS[(local.getUTCDay() + 6) % 7];
    var onset = stamp(local.setUTCFullYear(year - 28));
    return { rrule: rrule, start: onset, key: rrule + onset.slice(8) + " " + change.from + " " + change.to };
  }

  /* A VTIMEZONE for the zone, derived from the browser's own time zone data. When this year's two
     changes recur next year by the same weekday rules: STANDARD and DAYLIGHT with yearly RRULEs.
     Otherwise (no daylight saving, or changes that follow no such rule, as in Morocco): the offset
     of 1 January, then each change of this year and next as a dated observance. */
  function timezone(wall, year) {
    var these = changes(wall, year), next = changes(wall, year + 1), all = these.concat(next);
    var start = Date.UTC(year, 0, 1) / MINUTE, base = wall(start) - start;
    var lines = ["BEGIN:VTIMEZONE", "TZID:" + wall.id];

    function observance(onset, from, to, rrule) {
      var kind = to > from ? "DAYLIGHT" : "STANDARD";
      lines.push("BEGIN:" + kind, "DTSTART:" + onset, "TZOFFSETFROM:" + offset(from),
        "TZOFFSETTO:" + offset(to));
      if (rrule) lines.push("RRULE:" + rrule);
      lines.push("END:" + kind);
    }

    var rules = these.map(rule);
    if (these.length === 2 && next.length === 2 && rules[0].key === rule(next[0]).key &&
        rules[1].key === rule(next[1]).key) {
      these.forEach(function (change, i) {
        observance(rules[i].start, change.from, change.to, rules[i].rrule);
      });
    } else {
      observance("19700101T000000", base, base);
      all.forEach(function (change) {
        observance(stamp((change.at + change.from) * MINUTE), change.from, change.to);
      });
    }
    lines.push("END:VTIMEZONE");
    return lines;
  }

  SM.ics = {
    /* The text of a VCALENDAR with one recurring VEVENT per ritual:
       options = { rituals: [{ id, title, description, minutes, days: ["MO", ...], time: "07:45" }],
                   timeZone: an IANA name, now: a Date }.
       A ritual without an id, a known day, an HH:MM time or 1 to MAX_MINUTES (a day) is left out, and
       so is a second ritual with the same id; an unknown time zone falls back to the browser's. */
    calendar: function (options) {
      options = options || {};
      var now = options.now instanceof Date && !isNaN(options.now) ? options.now : new Date();
      var wall = pickZone(options.timeZone);
      var minute = Math.floor(now.getTime() / MINUTE);
      var today = Math.floor(wall(minute) / 1440) * 1440; /* local midnight, as wall minutes */
      var date = new Date(today * MINUTE), weekday = (date.getUTCDay() + 6) % 7; /* 0 = Monday */
      var dtstamp = stamp(minute * MINUTE) + "Z", seen = {};
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Small Moments//Ritual planner//EN",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Small Moments rituals",
        "X-WR-TIMEZONE:" + wall.id].concat(timezone(wall, date.getUTCFullYear()));

      (Array.isArray(options.rituals) ? options.rituals : []).forEach(function (ritual) {
        if (!ritual || typeof ritual.id !== "string" || !ritual.id) return;
        var days = DAYS.filter(function (day) {
          return Array.isArray(ritual.days) && ritual.days.indexOf(day) >= 0;
        });
        var time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(ritual.time);
        var minutes = Number(ritual.minutes);
        /* The same ritual gets the same UID in every download, so importing the file again
           updates the reader's events instead of adding copies. The id is written
           reversibly (other characters as %hhhh), so two ids never share a UID. */
        var uid = ritual.id.replace(/[^\w.-]/g, function (c) {
          return "%" + (65536 + c.charCodeAt(0)).toString(16).slice(1);
        }) + "@small-moments.invalid";
        if (!days.length || !time || !(minutes % 1 === 0 && minutes > 0 && minutes <= MAX_MINUTES) || seen[uid]) {
          return;
        }
        seen[uid] = true;
        /* The first chosen day from today on, at the chosen time; today counts even when the
           time has passed (that one reminder is simply in the past). */
        var ahead = 0;
        while (days.indexOf(DAYS[(weekday + ahead) % 7]) < 0) ahead++;
        var title = clean(ritual.title) || "A small moment", description = clean(ritual.description);
        lines.push("BEGIN:VEVENT", "UID:" + text(uid), "DTSTAMP:" + dtstamp,
          "DTSTART;TZID=" + wall.id + ":" +
            stamp((today + ahead * 1440 + time[1] * 60 + Number(time[2])) * MINUTE),
          "DURATION:PT" + minutes + "M", "RRULE:FREQ=WEEKLY;BYDAY=" + days.join(","),
          "SUMMARY:" + text(title));
        if (description) lines.push("DESCRIPTION:" + text(description));
        /* A reminder is the point of the file: a display alarm five minutes before, which calendars
           that honour alarms in imports show (others keep their own default). Transparent, so a
           two-minute ritual never marks the reader busy. */
        lines.push("TRANSP:TRANSPARENT", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT5M",
          "DESCRIPTION:" + text(title), "END:VALARM", "END:VEVENT");
      });
      lines.push("END:VCALENDAR");
      return lines.map(fold).join("\r\n") + "\r\n";
    }
  };
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
