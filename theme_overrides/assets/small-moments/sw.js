/* Small Moments: the service worker's code, imported by the site's sw.js, which first sets
   self.SM_OFFLINE = {version, files: [[path, hash], ...]} (generator/offline.py writes it at
   build time, after every other file). It keeps a copy of the whole site for reading offline:
   - install: every listed file goes into this version's cache, a few at a time, in the
     background; a file an older version already kept with the same hash is copied, not
     fetched again; a failed file, or a newer sw.js published meanwhile, stops the install,
     so a version is kept whole or not at all (the browser tries again on a later visit);
   - activate: older versions of this site's copy are deleted, and open pages are taken over
     (offline.js tells the reader a new version is ready);
   - fetch: the site's own files come from the network as usual and from the copy when the
     network fails. A request to another origin, not a GET, or for a file not in the list, is
     left to the browser: the worker never fetches anything but this site's own files. When
     neither the network nor the copy has a file (the copy is being replaced, or was cleared),
     the answer is calm, never a rejected promise (which browsers log as an error and show as
     their own failure): a page gets a short page saying so, with a link home; a file gets an
     empty 503. */
(function () {
  "use strict";

  var offline = self.SM_OFFLINE || { version: "", files: [] };
  var SCOPE = self.registration.scope;
  /* Caches are per origin: the scope in the name keeps two sites on one host apart. */
  var PREFIX = "small-moments " + SCOPE + " ";
  var CACHE = PREFIX + offline.version;
  var AT_ONCE = 3;
  var hashes = new Map();

  offline.files.forEach(function (entry) {
    hashes.set(new URL(entry[0], self.location.href).href, entry[1]);
  });

  /* Where a file is kept: its address and hash, so equal bytes share a key across versions. */
  function key(address, hash) {
    return address + "?sm-offline=" + hash;
  }

  /* The listed address a request is for (a folder's address means its index.html), or "". */
  function listed(request) {
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) return "";
    var address = url.origin + url.pathname;
    if (address.slice(-1) === "/") address += "index.html";
    return hashes.has(address) ? address : "";
  }

  /* Fetch one file past the HTTP cache and keep a plain copy: no redirect (a navigation may not
     be answered with one) and no encoding headers (the body is already decoded). Its bytes are
     not checked against the list's hash: hosts that add to pages (a script, an address) would
     then never get a copy; a publication under way is caught by stillCurrent instead. */
  function fetchPlain(address) {
    return fetch(new Request(address, { cache: "no-cache", credentials: "same-origin" }))
      .then(function (response) {
        if (!response.ok) throw new Error("Small Moments: " + address + " answered " + response.status);
        var type = response.headers.get("Content-Type");
        return response.arrayBuffer().then(function (body) {
          return new Response(body, { status: response.status, headers: type ? { "Content-Type": type } : {} });
        });
      });
  }

  /* After keeping every file: the published sw.js still lists this version, so no file came
     from a newer publication (if one came, this install fails and the newer one follows). */
  function stillCurrent() {
    return fetch(new Request(self.location.href, { cache: "no-cache" })).then(function (response) {
      return response.text();
    }).then(function (text) {
      if (text.indexOf('"version":"' + offline.version + '"') < 0) {
        throw new Error("Small Moments: a new version was published while this one was kept");
      }
    });
  }

  function precache() {
    return caches.open(CACHE).then(function (cache) {
      var queue = Array.from(hashes.entries());
      function next() {
        var entry = queue.shift();
        if (!entry) return Promise.resolve();
        var name = key(entry[0], entry[1]);
        return caches.match(name).then(function (kept) {
          if (kept) return cache.put(name, kept);
          return fetchPlain(entry[0]).then(function (copy) {
            return cache.put(name, copy);
          });
        }).then(next);
      }
      var lanes = [];
      for (var i = 0; i < AT_ONCE; i += 1) lanes.push(next());
      return Promise.all(lanes);
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(precache().then(stillCurrent).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  /* A kept file from this version's copy, or from another copy of this site still there with
     the same hash (the same bytes): a page an older worker still serves while a newer one
     takes over finds its files in the newer copy. */
  function fromCopy(address) {
    var name = key(address, hashes.get(address));
    return caches.keys().then(function (names) {
      var ours = names.filter(function (other) {
        return other.indexOf(PREFIX) === 0 && other !== CACHE;
      });
      function next(copy) {
        if (copy || !ours.length) return copy;
        return caches.open(ours.shift()).then(function (cache) {
          return cache.match(name);
        }).then(next);
      }
      ours.unshift(CACHE);
      return next();
    });
  }

  var OFFLINE_PAGE = '<!doctype html><html lang="en"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">' +
    '<title>Not available offline</title>' +
    '<body style="font:1.1rem/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem">' +
    '<h1>This page is not on this device</h1><p>You seem to be offline, and this page was not ' +
    'saved for reading offline. Connect to the internet and reload, or go to the ' +
    '<a href="' + SCOPE + '">home page</a>.</p>';

  function unavailable(request) {
    var page = request.mode === "navigate";
    return new Response(page ? OFFLINE_PAGE : "", {
      status: 503, statusText: "Not available offline",
      headers: { "Content-Type": page ? "text/html; charset=utf-8" : "text/plain" }
    });
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") return;
    var address = listed(request);
    var notFound = new URL("404.html", self.location.href).href;
    /* A page the list does not know, asked for offline: the site's own "not found" page. */
    var fallback = !address && request.mode === "navigate" &&
      new URL(request.url).origin === self.location.origin && hashes.has(notFound);
    if (!address && !fallback) return;
    event.respondWith(fetch(request).catch(function () {
      return fromCopy(address || notFound).then(function (copy) {
        return copy || unavailable(request);
      }, function () {
        return unavailable(request);
      });
    }));
  });
})();
