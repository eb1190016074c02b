// A service worker for BrowserHostingTest in a folder below the page's: its scope (elsewhere/) does not
// contain isolation-sw.html, so a page naming it must be told so, without a reload.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
