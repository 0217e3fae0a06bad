/* Small Moments: compare answers with a partner, on one device ("Do this together") or across
   two (a link's #fragment, a QR code or a code to paste), and send My progress's summary to a
   counselor the same way. No server: the data travels in the link or code only.

   A code is base64url of: a version byte, a mode byte (0 open, 1 locked with a word), the
   body's length (3 bytes), a CRC-32 of the body (4 bytes: tells a cut or changed code from a
   wrong word), then the body: compact JSON compressed with deflate-raw, and when locked,
   salt + IV + AES-GCM of that under a key PBKDF2-SHA-256 derives from the word. The sizes and
   counts are generator/limits.py's (SM.settings().pair). Nothing read from a code becomes
   markup or a selector: answers are looked up with SM.find and shown with textContent. */
(function (SM) {
  "use strict";

  var self = document.currentScript;
  var base = self ? self.src.replace(/[^/]*$/, "") : "";
  var HEAD = 9;

  var MESSAGES = {
    empty: "Paste the code or link you were sent first.",
    cut: "This code is not complete: part of it is missing. Copy the whole link or code again. Nothing was saved.",
    changed: "This code has been changed or mistyped, so it cannot be opened. Ask for a new one. Nothing was saved.",
    version: "This code was made by a different version of Small Moments. Ask for a new one. Nothing was saved.",
    word: "That word does not open this code. Check the word with the person who sent it. Nothing was saved.",
    ask: "What you were sent is locked with a word. Type the word you agreed on, then press Open.",
    noword: "This code is locked with a word. Type the word you agreed on, then press Open.",
    crypto: "This browser does not allow codes locked with a word on this page. It allows them on pages " +
      "opened over https or from a folder. Nothing was saved.",
    browser: "This browser cannot make or open these codes. An up-to-date browser can. Nothing was saved.",
    other: "This code is for a different exercise. Open that exercise and paste it there, or paste it on " +
      "My progress. Nothing was saved.",
    gone: "This code is for an exercise that is no longer on this site. Nothing was saved.",
    questions: "This exercise has changed since the code was made, so the answers cannot be compared. " +
      "Ask for a new code. Nothing was saved.",
    summary: "This code holds a summary for a counselor. Open it on My progress. Nothing was saved.",
    big: "This is too much to fit in one code. Leave out your written replies and try again."
  };

  function limits() {
    return SM.settings().pair || {};
  }

  function fail(reason) {
    var error = new Error(reason);
    error.reason = reason;
    return error;
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* ---- The code: bytes, checks, compression and the lock ---- */

  function concat(parts) {
    var out = new Uint8Array(parts.reduce(function (n, part) { return n + part.length; }, 0));
    var at = 0;
    parts.forEach(function (part) { out.set(part, at); at += part.length; });
    return out;
  }

  var table = null;
  function crc32(bytes) {
    if (!table) {
      table = [];
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table.push(c >>> 0);
      }
    }
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function toBase64url(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(code) {
    if (!/^[A-Za-z0-9_-]+$/.test(code)) throw fail("changed");
    if (code.length % 4 === 1) throw fail("cut");
    var padded = code.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(padded + "===".slice((padded.length + 3) % 4));
    return Uint8Array.from(binary, function (ch) { return ch.charCodeAt(0); });
  }

  function pipe(bytes, Stream) {
    var stream = new Blob([bytes]).stream().pipeThrough(new Stream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  function hasCrypto() {
    return Boolean(window.crypto && window.crypto.subtle);
  }

  /* The word as partners say it: case and spaces around it do not matter. */
  function normal(word) {
    return String(word || "").normalize("NFC").trim().toLowerCase();
  }

  function keyOf(word, salt, use) {
    var subtle = window.crypto.subtle;
    return subtle.importKey("raw", new TextEncoder().encode(normal(word)), "PBKDF2", false, ["deriveKey"])
      .then(function (material) {
        return subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: limits().iterations },
          material, { name: "AES-GCM", length: 256 }, false, [use]);
      });
  }

  /* A code for `data`, locked with `word` unless word is null. */
  async function encode(data, word) {
    var L = limits();
    if (!window.CompressionStream) throw fail("browser");
    var body = await pipe(new TextEncoder().encode(JSON.stringify(data)), window.CompressionStream);
    var mode = 0;
    if (word !== null) {
      if (!hasCrypto()) throw fail("crypto");
      var salt = window.crypto.getRandomValues(new Uint8Array(L.saltBytes));
      var iv = window.crypto.getRandomValues(new Uint8Array(L.ivBytes));
      var key = await keyOf(word, salt, "encrypt");
      var sealed = await window.crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, body);
      body = concat([salt, iv, new Uint8Array(sealed)]);
      mode = 1;
    }
    if (body.length > L.maxBytes) throw fail("big");
    var crc = crc32(body);
    var head = new Uint8Array([L.version, mode, body.length >>> 16, (body.length >>> 8) & 255, body.length & 255,
      crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255]);
    return toBase64url(concat([head, body]));
  }

  /* Check a pasted code or link before anything is opened: { locked, body }. */
  function parse(text) {
    var L = limits();
    var code = String(text || "");
    var at = code.indexOf(L.key);
    if (at !== -1) code = code.slice(at + L.key.length);
    code = code.replace(/\s+/g, "");
    if (!code) throw fail("empty");
    var bytes = fromBase64url(code);
    if (bytes.length < HEAD) throw fail("cut");
    if (bytes[0] !== L.version) throw fail("version");
    if (bytes[1] > 1) throw fail("changed");
    var length = (bytes[2] << 16) | (bytes[3] << 8) | bytes[4];
    var body = bytes.subarray(HEAD);
    if (body.length < length) throw fail("cut");
    var crc = ((bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8]) >>> 0;
    if (body.length > length || toBase64url(bytes) !== code || crc32(body) !== crc) throw fail("changed");
    return { locked: bytes[1] === 1, body: body };
  }

  /* The data of a parsed code, unlocked with `word` when it is locked. */
  async function unlock(parsed, word) {
    var L = limits();
    var body = parsed.body;
    if (parsed.locked) {
      if (!hasCrypto()) throw fail("crypto");
      if (!normal(word)) throw fail("noword");
      var key = await keyOf(word, body.slice(0, L.saltBytes), "decrypt");
      try {
        body = new Uint8Array(await window.crypto.subtle.decrypt(
          { name: "AES-GCM", iv: body.slice(L.saltBytes, L.saltBytes + L.ivBytes) }, key,
          body.slice(L.saltBytes + L.ivBytes)));
      } catch (error) {
        throw fail("word");
      }
    }
    if (!window.DecompressionStream) throw fail("browser");
    var data;
    try {
      data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await pipe(body, window.DecompressionStream)));
    } catch (error) {
      throw fail("changed");
    }
    if (!SM.check.isObject(data)) throw fail("changed");
    return data;
  }

  SM.pairCode = { encode: encode, parse: parse, unlock: unlock, messages: MESSAGES };

  /* ---- Answers: what a question's answer says, in the page's own words ---- */

  function kindOf(question) {
    return question.getAttribute("data-sm-kind");
  }

  function labelOf(node) {
    return node ? SM.text(node, "label") : null;
  }

  function isIndex(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 0;
  }

  /* An answer as lines of text, or null when it does not fit the question. */
  var DESCRIBE = {
    single: function (question, answer) {
      if (!isIndex(answer)) return null;
      var text = labelOf(SM.find(question, ".sm-option", "data-sm-option", String(answer))[0]);
      return text ? [text] : null;
    },
    multiple: function (question, answer) {
      if (!Array.isArray(answer) || !answer.length) return null;
      var lines = answer.map(function (index) { return DESCRIBE.single(question, index); });
      return lines.indexOf(null) === -1 ? lines.map(function (line) { return line[0]; }) : null;
    },
    order: function (question, answer) {
      var count = question.querySelectorAll(".sm-step").length;
      if (!Array.isArray(answer) || answer.length !== count) return null;
      var lines = answer.map(function (index, at) {
        var step = isIndex(index) ? SM.find(question, ".sm-step", "data-sm-step", String(index))[0] : null;
        return step ? (at + 1) + ". " + SM.text(step, ".sm-step__text") : null;
      });
      return lines.indexOf(null) === -1 ? lines : null;
    },
    sort: function (question, answer) {
      var items = Array.from(question.querySelectorAll(".sm-sort__item"));
      if (!Array.isArray(answer) || answer.length !== items.length) return null;
      var lines = items.map(function (item, index) {
        var input = typeof answer[index] === "string" ? SM.find(item, "input", "value", answer[index])[0] : null;
        return input ? SM.text(item, ".sm-sort__text") + ": " + labelOf(input.parentNode) : null;
      });
      return lines.indexOf(null) === -1 ? lines : null;
    },
    write: function (question, answer) {
      if (!SM.check.isObject(answer) || typeof answer.text !== "string" || !answer.text.trim()) return null;
      return [answer.text.trim()];
    }
  };

  /* The same choice? (Written replies are never "the same": both are shown.) */
  function same(kind, one, two) {
    if (kind === "write") return null;
    if (kind === "multiple") {
      one = one.slice().sort();
      two = two.slice().sort();
    }
    return JSON.stringify(one) === JSON.stringify(two);
  }

  function questionsOf(exercise) {
    return Array.from(exercise.querySelectorAll(".sm-question")).filter(function (question) {
      return DESCRIBE[kindOf(question)];
    });
  }

  /* The reader's checked answers on the page: { qid: answer }. */
  function mine(exercise) {
    var answers = {};
    questionsOf(exercise).forEach(function (question) {
      var kind = SM.kinds[kindOf(question)];
      if (!kind || !question.hasAttribute("data-sm-result")) return;
      var answer = kind.read(question);
      if (answer !== null) answers[question.getAttribute("data-sm-question")] = answer;
    });
    return answers;
  }

  /* A received list of [qid, fp, answer?] checked against the page: { qid: answer | undefined },
     or a failure: "changed" (not a list we make) or "questions" (the exercise changed). */
  function checkAnswers(exercise, list) {
    var limit = SM.settings().answersMax || 40;
    if (!Array.isArray(list) || !list.length || list.length > limit) throw fail("changed");
    var answers = {};
    list.forEach(function (entry) {
      if (!Array.isArray(entry) || (entry.length !== 2 && entry.length !== 3) || !SM.check.isId(entry[0]) ||
          typeof entry[1] !== "string") throw fail("changed");
      var question = SM.find(exercise, ".sm-question", "data-sm-question", entry[0])[0];
      if (!question || question.getAttribute("data-sm-fingerprint") !== entry[1]) throw fail("questions");
      if (entry.length === 3 && !DESCRIBE[kindOf(question)](question, entry[2])) throw fail("changed");
      answers[entry[0]] = entry.length === 3 ? entry[2] : undefined;
    });
    return answers;
  }

  /* ---- Showing things ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function side(label, question, answers, qid) {
    var box = el("div", "sm-pair__side");
    box.appendChild(el("p", "sm-pair__who", label));
    if (!(qid in answers)) {
      box.appendChild(el("p", "sm-pair__none", "Not answered yet."));
    } else if (answers[qid] === undefined) {
      box.appendChild(el("p", "sm-pair__none", "Wrote a reply, but chose not to share its words."));
    } else {
      var lines = DESCRIBE[kindOf(question)](question, answers[qid]);
      if (lines.length === 1) box.appendChild(el("p", "sm-pair__answer", lines[0]));
      else {
        var list = el("ul", "sm-pair__answer");
        lines.forEach(function (line) { list.appendChild(el("li", "", line)); });
        box.appendChild(list);
      }
    }
    return box;
  }

  /* Fill the comparison: one item per question either partner answered. */
  function compare(section, one, two) {
    var exercise = section.closest(".sm-exercise");
    var list = section.querySelector(".sm-pair__list");
    list.textContent = "";
    var counts = { same: 0, different: 0 };
    questionsOf(exercise).forEach(function (question, index) {
      var qid = question.getAttribute("data-sm-question");
      if (!(qid in one.answers) && !(qid in two.answers)) return;
      var item = el("li", "sm-pair__item");
      item.appendChild(el("h4", "sm-pair__question", "Question " + (index + 1)));
      item.appendChild(el("p", "sm-pair__prompt", SM.text(question, ".sm-prompt")));
      var a = one.answers[qid];
      var b = two.answers[qid];
      var alike = a !== undefined && b !== undefined ? same(kindOf(question), a, b) : null;
      if (alike !== null) {
        counts[alike ? "same" : "different"] += 1;
        var verdict = el("p", "sm-pair__verdict");
        SM.badge(verdict, alike ? "Same answer" : "Different answers", alike ? "same" : "different");
        item.appendChild(verdict);
      }
      var sides = el("div", "sm-pair__sides");
      sides.appendChild(side(one.label, question, one.answers, qid));
      sides.appendChild(side(two.label, question, two.answers, qid));
      item.appendChild(sides);
      list.appendChild(item);
    });
    section.querySelector(".sm-pair__result-note").textContent =
      "Same answer in " + counts.same + ", different in " + counts.different +
      ". Differences are worth talking about: they show how each of you sees things, not who is right.";
    var talk = section.querySelector(".sm-pair__talk");
    talk.textContent = "";
    var prompts = exercise.querySelector(".sm-discussion ul");
    if (prompts) {
      talk.appendChild(el("p", "", "Talk it over together:"));
      talk.appendChild(prompts.cloneNode(true));
    }
  }

  /* Show one of the section's panels (by class name), hide the others, focus its heading. */
  function showOnly(section, name) {
    var shown = null;
    section.querySelectorAll(".sm-pair__sharer, .sm-pair__receiver, .sm-pair__wait, .sm-pair__result, " +
        ".sm-pair__steps, .sm-pair__shown").forEach(function (node) {
      node.hidden = !node.classList.contains(name);
      if (!node.hidden) shown = node;
    });
    var focus = shown && shown.querySelector("[tabindex='-1']");
    if (focus) focus.focus();
  }

  function say(section, text) {
    section.querySelector(".sm-pair__status").textContent = text;
  }

  /* ---- The share form (exercise page and My progress) ---- */

  var qrLoading = null;
  function loadQr() {
    if (!qrLoading) {
      qrLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = base + "../vendor/qrcode-generator/qrcode.js";
        script.onload = function () { return window.qrcode ? resolve(window.qrcode) : reject(new Error("no qrcode")); };
        script.onerror = reject;
        document.body.appendChild(script);
      });
    }
    return qrLoading;
  }

  function drawQr(box, link) {
    box.textContent = "";
    return loadQr().then(function (qrcode) {
      var qr = qrcode(0, "L");
      qr.addData(link, "Byte");
      qr.make();
      var count = qr.getModuleCount();
      var scale = 4;
      var border = 4;
      var canvas = document.createElement("canvas");
      canvas.className = "sm-pair__qr-code";
      canvas.width = canvas.height = (count + 2 * border) * scale;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", "QR code of the link above, for your partner's phone camera");
      var context = canvas.getContext("2d");
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = "#000";
      for (var row = 0; row < count; row++) {
        for (var col = 0; col < count; col++) {
          if (qr.isDark(row, col)) context.fillRect((col + border) * scale, (row + border) * scale, scale, scale);
        }
      }
      box.appendChild(canvas);
    });
  }

  /* The page's address for a link, or "" where there is none to send (a page opened from a
     folder, with no published address). */
  function linkBase(section) {
    var published = section.getAttribute("data-sm-public-url");
    if (published) return published.split("#")[0];
    if (/^https?:$/.test(window.location.protocol)) return window.location.href.split("#")[0];
    return "";
  }

  /* Wire the share form: `build(withReplies)` returns { data, preview: [lines] } or null. */
  function sharer(section, build) {
    var box = section.querySelector(".sm-pair__sharer");
    var replies = box.querySelector(".sm-pair__replies");
    var word = box.querySelector(".sm-pair__word");
    var open = box.querySelector(".sm-pair__open");
    var out = box.querySelector(".sm-pair__out");
    var min = limits().wordMin;

    function preview() {
      var list = box.querySelector(".sm-pair__preview");
      list.textContent = "";
      var made = build(Boolean(replies && replies.checked));
      (made ? made.preview : ["Nothing yet: answer at least one question first."]).forEach(function (line) {
        list.appendChild(el("li", "", line));
      });
      out.hidden = true;
      return made;
    }

    section.querySelector(".sm-pair__share").addEventListener("click", function () {
      preview();
      say(section, "");
      showOnly(section, "sm-pair__sharer");
    });
    if (replies) replies.addEventListener("change", preview);
    word.addEventListener("input", function () { out.hidden = true; });
    open.addEventListener("change", function () {
      word.disabled = open.checked;
      out.hidden = true;
    });
    box.querySelector(".sm-pair__close").addEventListener("click", function () {
      box.hidden = true;
      say(section, "");
      section.querySelector(".sm-pair__share").focus();
    });

    box.querySelector(".sm-pair__make").addEventListener("click", function () {
      var made = preview();
      if (!made) {
        say(section, "Answer at least one question first, then make the link.");
        return;
      }
      if (!open.checked && normal(word.value).length < min) {
        say(section, "Type a word of at least " + min + " letters, or tick “Share without a word”.");
        word.focus();
        return;
      }
      say(section, "Making the code…");
      encode(made.data, open.checked ? null : word.value).then(function (code) {
        var link = linkBase(section);
        link = link ? link + "#" + limits().key + code : "";
        box.querySelector(".sm-pair__code").value = code;
        box.querySelector(".sm-pair__link").value = link;
        box.querySelector(".sm-pair__link-box").hidden = !link;
        var note = box.querySelector(".sm-pair__link-note");
        var qr = box.querySelector(".sm-pair__qr");
        qr.textContent = "";
        if (!link) {
          note.textContent = "This page was opened from a folder, so there is no web link to send. Send the code: " +
            "it opens on the same page of any copy of Small Moments.";
        } else if (link.length > limits().qrMax) {
          note.textContent = "This link is too long for a QR code (over " + limits().qrMax +
            " characters). Send the link or the code instead.";
        } else {
          note.textContent = "Your partner can open the link, scan the QR code with their phone's camera, or paste the code.";
          drawQr(qr, link).catch(function () {
            note.textContent = "The QR code could not be drawn here. Send the link or the code instead.";
          });
        }
        out.hidden = false;
        say(section, open.checked ?
          "Ready. There is no word: anyone who sees this link or code can read it." :
          "Ready. Send the link or code, and tell the word another way: say it out loud.");
      }, function (error) {
        say(section, MESSAGES[error.reason] || MESSAGES.browser);
      });
    });

    function copier(button, field, done) {
      button.addEventListener("click", function () {
        SM.copy(field.value).then(function () { say(section, done); }, function () {
          field.focus();
          field.select();
          say(section, "This browser did not let the page copy. The text is selected: copy it yourself.");
        });
      });
    }
    copier(box.querySelector(".sm-pair__copy-link"), box.querySelector(".sm-pair__link"), "The link was copied.");
    copier(box.querySelector(".sm-pair__copy-code"), box.querySelector(".sm-pair__code"), "The code was copied.");
  }

  /* Wire the open form: `accept(data, code)` shows what a good code holds, or throws a reason. */
  function receiver(section, accept) {
    var box = section.querySelector(".sm-pair__receiver");
    var paste = box.querySelector(".sm-pair__paste");
    var word = box.querySelector(".sm-pair__open-word");
    var problem = box.querySelector(".sm-pair__problem");
    var fromLink = null;

    function attempt() {
      problem.textContent = "";
      var code = fromLink || paste.value;
      var parsed;
      try {
        parsed = parse(code);
      } catch (error) {
        problem.textContent = MESSAGES[error.reason] || MESSAGES.changed;
        return Promise.resolve(false);
      }
      box.querySelector(".sm-pair__ask-word").hidden = !parsed.locked;
      if (parsed.locked && !normal(word.value)) {
        problem.textContent = fromLink ? MESSAGES.ask : MESSAGES.noword;
        word.focus();
        return Promise.resolve(false);
      }
      problem.textContent = parsed.locked ? "Opening…" : "";
      return unlock(parsed, word.value).then(function (data) {
        accept(data, code);
        problem.textContent = "";
        word.value = "";
        paste.value = "";
        fromLink = null;
        return true;
      }).catch(function (error) {
        problem.textContent = MESSAGES[error.reason] || MESSAGES.changed;
        if (error.reason === "word") word.focus();
        return false;
      });
    }

    section.querySelector(".sm-pair__paste-open").addEventListener("click", function () {
      fromLink = null;
      box.querySelector(".sm-pair__paste-box").hidden = false;
      box.querySelector(".sm-pair__ask-word").hidden = false;
      problem.textContent = "";
      say(section, "");
      showOnly(section, "sm-pair__receiver");
    });
    box.querySelector(".sm-pair__open-go").addEventListener("click", attempt);
    box.querySelector(".sm-pair__open-cancel").addEventListener("click", function () {
      fromLink = null;
      pending = null;
      box.hidden = true;
      section.querySelector(".sm-pair__paste-open").focus();
    });

    /* A link's #fragment: read it, then take it out of the address bar and the history entry.
       On load, and when a link to this same page is opened while it is open (Material's
       instant navigation may then replace this section: the new one finds it in `pending`). */
    function fromAddress() {
      var code = takeFromAddress();
      if (!code) return;
      fromLink = code;
      box.querySelector(".sm-pair__paste-box").hidden = true;
      word.value = "";
      showOnly(section, "sm-pair__receiver");
      attempt();
    }
    fromAddress();
    window.addEventListener("hashchange", function listener() {
      if (!section.isConnected) window.removeEventListener("hashchange", listener);
      else fromAddress();
    });
  }

  /* What the last link to this page carried. It stays until the reader closes what it opened
     or goes to another page: instant navigation may replace the section that first read it. */
  var pending = null;
  function takeFromAddress() {
    var key = "#" + limits().key;
    if (window.location.hash.indexOf(key) === 0) {
      pending = { code: window.location.hash.slice(key.length), path: window.location.pathname };
      try {
        window.history.replaceState(window.history.state, "", window.location.href.split("#")[0]);
      } catch (error) { /* the address stays; nothing else depends on it */ }
    }
    if (pending && pending.path !== window.location.pathname) pending = null;
    return pending ? pending.code : null;
  }

  /* ---- Kept comparisons: the "received" slice ---- */

  function cleanKept(value, skipped) {
    var result = {};
    if (value === undefined) return result;
    if (!SM.check.isObject(value)) {
      skipped.push("a kept comparison not in a known shape");
      return result;
    }
    Object.keys(value).forEach(function (id) {
      var entry = value[id];
      if (!SM.check.isId(id) || !SM.check.isObject(entry) || !SM.check.isDate(entry.kept) ||
          (entry.sent !== undefined && !SM.check.isDate(entry.sent)) ||
          ["partner", "together"].indexOf(entry.from) === -1 || !Array.isArray(entry.answers) ||
          entry.answers.length > (SM.settings().answersMax || 40) ||
          JSON.stringify(entry.answers).length > 3 * SM.settings().replyCap * 4) {
        skipped.push("a kept comparison not in a known shape");
        return;
      }
      result[id] = { from: entry.from, kept: entry.kept, answers: entry.answers };
      if (entry.sent) result[id].sent = entry.sent;
    });
    return result;
  }

  SM.store.slice("received", {
    clean: cleanKept,
    merge: function (current, incoming) {
      Object.keys(incoming).forEach(function (id) { current[id] = incoming[id]; });
      return current;
    },
    count: function (value) { return Object.keys(value).length; },
    noun: function (n) { return n + (n === 1 ? " kept comparison" : " kept comparisons"); }
  });

  function keptWords(entry) {
    return (entry.from === "together" ? "Answered together on this device" :
      "Sent by your partner" + (entry.sent ? " on " + entry.sent : "")) + ", kept on " + entry.kept + ".";
  }

  /* ---- The exercise page ---- */

  function startExercise(section) {
    var exercise = section.closest(".sm-exercise");
    if (!exercise) return;
    var id = exercise.getAttribute("data-sm-exercise");
    var theirs = null;    /* { label, from, sent, answers } of the partner's side */
    var first = null;     /* partner one's answers in "Do this together" */
    var step = section.querySelector(".sm-pair__step");
    section.hidden = false;

    function listed(answers) {
      return questionsOf(exercise).filter(function (question) {
        return question.getAttribute("data-sm-question") in answers;
      });
    }

    /* The reader's answers as a list to send: [qid, fp, answer], written replies only if asked. */
    function build(withReplies) {
      var answers = mine(exercise);
      var questions = listed(answers);
      if (!questions.length) return null;
      var preview = [];
      var list = questions.map(function (question) {
        var qid = question.getAttribute("data-sm-question");
        var number = "Question " + (questionsOf(exercise).indexOf(question) + 1) + ": ";
        var entry = [qid, question.getAttribute("data-sm-fingerprint")];
        if (kindOf(question) === "write" && !withReplies) {
          preview.push(number + "only that you wrote a reply, not its words.");
        } else {
          entry.push(kindOf(question) === "write" ? { text: answers[qid].text } : answers[qid]);
          preview.push(number + DESCRIBE[kindOf(question)](question, entry[2]).join("; "));
        }
        return entry;
      });
      preview.push("The exercise's name and today's date. Nothing else: no name, no other answers.");
      return { data: { k: "x", e: id, d: today(), a: list }, preview: preview };
    }

    function showResult(one, two, from) {
      compare(section, one, two);
      section.querySelector(".sm-pair__keep").hidden = false;
      section.querySelector(".sm-pair__remove").hidden = true;
      section.querySelector(".sm-pair__keep-note").hidden = false;
      section.querySelector(".sm-pair__reply").hidden = from !== "partner";
      section.querySelector(".sm-pair__result").setAttribute("data-sm-from", from);
      showOnly(section, "sm-pair__result");
    }

    function you() {
      return { label: "You", answers: mine(exercise) };
    }

    function answeredAll() {
      var own = mine(exercise);
      return Object.keys(theirs.answers).filter(function (qid) { return qid in own; }).length;
    }

    /* A good code: check it is this exercise's, then wait until the reader has answered. */
    function accept(data, code) {
      void code;
      if (data.k === "s") throw fail("summary");
      if (data.k !== "x" || !SM.check.isId(data.e) || (data.d !== undefined && !SM.check.isDate(data.d))) {
        throw fail("changed");
      }
      if (data.e !== id) throw fail("other");
      theirs = { label: "Your partner", from: "partner", sent: data.d, answers: checkAnswers(exercise, data.a) };
      var total = Object.keys(theirs.answers).length;
      if (answeredAll() === total) {
        showResult(you(), theirs, "partner");
        return;
      }
      section.querySelector(".sm-pair__wait-text").textContent = "Your partner's answers" +
        (data.d ? " from " + data.d : "") + " are here. Answer the same questions yourself first, so " +
        "their answers do not sway yours. Then press “Compare our answers”. Nothing is saved unless you choose to keep it.";
      showOnly(section, "sm-pair__wait");
    }

    sharer(section, build);
    receiver(section, accept);

    section.querySelector(".sm-pair__compare").addEventListener("click", function () {
      var total = Object.keys(theirs.answers).length;
      var done = answeredAll();
      if (done < total) {
        say(section, "You have answered " + done + " of the " + total + " questions your partner answered. " +
          "Answer the rest and press Check on each, or look at your partner's answers first.");
        return;
      }
      say(section, "");
      showResult(you(), theirs, "partner");
    });
    section.querySelector(".sm-pair__peek").addEventListener("click", function () {
      say(section, "");
      showResult(you(), theirs, "partner");
    });

    /* Do this together: partner one answers, the page hides it, partner two answers. */
    section.querySelector(".sm-pair__together").addEventListener("click", function () {
      first = null;
      section.querySelector(".sm-pair__hide").hidden = false;
      section.querySelector(".sm-pair__both").hidden = true;
      step.textContent = "Partner one: answer the questions above and press Check on each. Then come back " +
        "here and press “Hide my answers and pass the device”.";
      say(section, "");
      showOnly(section, "sm-pair__steps");
    });
    section.querySelector(".sm-pair__hide").addEventListener("click", function () {
      var answers = mine(exercise);
      if (!Object.keys(answers).length) {
        say(section, "Partner one has not answered a question yet. Answer at least one and press Check.");
        return;
      }
      first = { label: "Partner one", answers: answers };
      /* Forget partner one's saved answers (quiz.js clears what it showed), and reset what was
         chosen but not checked, so partner two starts from a blank page. */
      SM.store.change("exercises", function (all) {
        delete all[id];
        return all;
      }, section);
      questionsOf(exercise).forEach(function (question) {
        var kind = SM.kinds[kindOf(question)];
        if (kind && !question.hasAttribute("data-sm-result")) kind.reset(question);
      });
      section.querySelector(".sm-pair__hide").hidden = true;
      section.querySelector(".sm-pair__both").hidden = false;
      step.textContent = "Partner one's answers are hidden. Partner two: your turn. Answer the questions above " +
        "and press Check on each, then press “Show our answers side by side”.";
      say(section, "");
      step.focus();
    });
    section.querySelector(".sm-pair__both").addEventListener("click", function () {
      var second = mine(exercise);
      if (!Object.keys(second).length) {
        say(section, "Partner two has not answered a question yet. Answer at least one and press Check.");
        return;
      }
      say(section, "");
      showResult(first, { label: "Partner two", answers: second }, "together");
    });
    section.querySelector(".sm-pair__stop").addEventListener("click", function () {
      first = null;
      section.querySelector(".sm-pair__steps").hidden = true;
      section.querySelector(".sm-pair__together").focus();
    });

    /* Keep, remove, reply, close. */
    function keptEntry() {
      var from = section.querySelector(".sm-pair__result").getAttribute("data-sm-from");
      var side = from === "together" ? first : theirs;
      var list = Object.keys(side.answers).map(function (qid) {
        var question = SM.find(exercise, ".sm-question", "data-sm-question", qid)[0];
        var entry = [qid, question.getAttribute("data-sm-fingerprint")];
        if (side.answers[qid] !== undefined) entry.push(side.answers[qid]);
        return entry;
      });
      var entry = { from: from, kept: today(), answers: list };
      if (from === "partner" && theirs.sent) entry.sent = theirs.sent;
      return entry;
    }
    section.querySelector(".sm-pair__keep").addEventListener("click", function () {
      var entry = keptEntry();
      SM.store.change("received", function (all) {
        all[id] = entry;
        return all;
      }, exercise);
      section.querySelector(".sm-pair__keep").hidden = true;
      section.querySelector(".sm-pair__keep-note").hidden = true;
      section.querySelector(".sm-pair__remove").hidden = false;
      section.querySelector(".sm-pair__remove").focus();
      say(section, "Kept on this device. My progress lists it, and one button removes it.");
      showKept();
    });
    section.querySelector(".sm-pair__remove").addEventListener("click", function () {
      SM.store.change("received", function (all) {
        delete all[id];
        return all;
      }, exercise);
      section.querySelector(".sm-pair__remove").hidden = true;
      section.querySelector(".sm-pair__keep").hidden = false;
      section.querySelector(".sm-pair__keep").focus();
      say(section, "Removed from this device.");
      showKept();
    });
    section.querySelector(".sm-pair__reply").addEventListener("click", function () {
      section.querySelector(".sm-pair__share").click();
    });
    section.querySelector(".sm-pair__done").addEventListener("click", function () {
      pending = null;
      section.querySelector(".sm-pair__result").hidden = true;
      say(section, "");
      section.querySelector(".sm-pair__share").focus();
    });

    /* A comparison kept earlier: offer it again, or its removal. */
    function showKept() {
      var entry = SM.store.get("received")[id];
      var box = section.querySelector(".sm-pair__kept");
      box.hidden = !entry;
      if (entry) box.querySelector(".sm-pair__kept-text").textContent = "You kept a comparison here. " + keptWords(entry);
    }
    section.querySelector(".sm-pair__kept-show").addEventListener("click", function () {
      var entry = SM.store.get("received")[id];
      if (!entry) return;
      var answers;
      try {
        answers = checkAnswers(exercise, entry.answers);
      } catch (error) {
        say(section, MESSAGES[error.reason] || MESSAGES.changed);
        return;
      }
      if (entry.from === "together") {
        first = { label: "Partner one", answers: answers };
        showResult(first, { label: "Partner two", answers: mine(exercise) }, "together");
      } else {
        theirs = { label: "Your partner", from: "partner", sent: entry.sent, answers: answers };
        showResult(you(), theirs, "partner");
      }
      section.querySelector(".sm-pair__keep").hidden = true;
      section.querySelector(".sm-pair__keep-note").hidden = true;
      section.querySelector(".sm-pair__remove").hidden = false;
    });
    section.querySelector(".sm-pair__kept-remove").addEventListener("click", function () {
      SM.store.change("received", function (all) {
        delete all[id];
        return all;
      }, exercise);
      showKept();
      say(section, "Removed from this device.");
      section.querySelector(".sm-pair__share").focus();
    });
    showKept();
    SM.listen(section, "sm:stored", showKept);
  }

  /* ---- My progress: kept comparisons, and the summary sent to a counselor ---- */

  function itemOf(page, id) {
    return SM.find(page, ".sm-progress__item", "data-sm-exercise", id)[0] || null;
  }

  function startKept(box) {
    var page = box.closest(".sm-progress") || document;
    var list = box.querySelector(".sm-pair-kept__list");
    function fill() {
      var kept = SM.store.get("received");
      list.textContent = "";
      Object.keys(kept).sort().forEach(function (id) {
        var item = itemOf(page, id);
        var title = item ? SM.text(item, "a") : id;
        var row = el("li", "sm-pair-kept__item");
        if (item) {
          var link = el("a", "", title);
          link.href = item.querySelector("a").getAttribute("href");
          row.appendChild(link);
        } else {
          row.appendChild(el("span", "", title));
        }
        row.appendChild(document.createTextNode(": " + keptWords(kept[id]) + " "));
        var remove = el("button", "md-button sm-pair-kept__remove", "Remove");
        remove.type = "button";
        remove.setAttribute("aria-label", "Remove the comparison for " + title);
        remove.addEventListener("click", function () {
          SM.store.change("received", function (all) {
            delete all[id];
            return all;
          }, box);
          fill();
          box.querySelector(".sm-pair-kept__status").textContent = "Removed the comparison for " + title + ".";
          var next = list.querySelector("button") || box.closest(".sm-progress").querySelector(".sm-export");
          if (next) next.focus();
        });
        row.appendChild(remove);
        list.appendChild(row);
      });
      box.hidden = !Object.keys(kept).length && !box.querySelector(".sm-pair-kept__status").textContent;
    }
    fill();
    SM.listen(box, "sm:stored", function (event) {
      if (event.detail.origin !== box) fill();
    });
  }

  function startSummary(section) {
    var page = section.closest(".sm-progress") || document;
    section.hidden = false;
    sharer(section, function (withReplies) {
      if (!SM.summary) return null;
      var text = SM.summary.text(SM.summary.data(page, withReplies));
      var preview = text.split("\n").filter(function (line) { return line.trim(); });
      return { data: { k: "s", d: today(), t: text }, preview: preview };
    });
    receiver(section, function (data, code) {
      if (data.k === "x") {
        if (!SM.check.isId(data.e)) throw fail("changed");
        var item = itemOf(page, data.e);
        if (!item) throw fail("gone");
        var shown = section.querySelector(".sm-pair__shown");
        section.querySelector(".sm-pair__shown-title").textContent = "Answers from your partner";
        var note = section.querySelector(".sm-pair__shown-note");
        note.textContent = "This code holds your partner's answers to “" + SM.text(item, "a") + "”. ";
        var link = el("a", "", "Open them on that exercise");
        link.href = item.querySelector("a").getAttribute("href") + "#" + limits().key +
          String(code).slice(String(code).indexOf(limits().key) === -1 ? 0 :
            String(code).indexOf(limits().key) + limits().key.length).replace(/\s+/g, "");
        note.appendChild(link);
        shown.querySelector(".sm-pair__shown-text").hidden = true;
        showOnly(section, "sm-pair__shown");
        return;
      }
      if (data.k !== "s" || typeof data.t !== "string" || !SM.check.isDate(data.d) ||
          data.t.length > 50 * SM.settings().replyCap) throw fail("changed");
      section.querySelector(".sm-pair__shown-title").textContent = "A summary sent to you";
      section.querySelector(".sm-pair__shown-note").textContent = "Made on " + data.d + ". It is shown here " +
        "only: nothing was saved on this device, and it is gone when you close it or leave the page.";
      var text = section.querySelector(".sm-pair__shown-text");
      text.hidden = false;
      text.textContent = data.t;
      showOnly(section, "sm-pair__shown");
    });
    section.querySelector(".sm-pair__done").addEventListener("click", function () {
      pending = null;
      section.querySelector(".sm-pair__shown-text").textContent = "";
      section.querySelector(".sm-pair__shown").hidden = true;
      section.querySelector(".sm-pair__paste-open").focus();
    });
  }

  /* The share view's few styles, with this script only; added again by each start, since
     Material's instant navigation replaces the head's extra elements. */
  function styled(start) {
    return function (element) {
      if (base && !document.querySelector("link[data-sm-pair]")) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = base + "pair.css";
        css.setAttribute("data-sm-pair", "");
        document.head.appendChild(css);
      }
      start(element);
    };
  }

  SM.register("pair", styled(startExercise));
  SM.register("pair-kept", styled(startKept));
  SM.register("pair-summary", styled(startSummary));
})(window.SmallMoments = window.SmallMoments || { kinds: {} });
