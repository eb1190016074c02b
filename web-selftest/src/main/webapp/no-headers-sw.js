// A service worker for BrowserHostingTest that controls its scope but adds no header: a page that opts in
// to it (isolation-sw.html?sw=no-headers-sw.js) stays not isolated after the runtime's one reload, which
// must then stop with the isolation error rather than reload again.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => event.respondWith(fetch(event.request)));
