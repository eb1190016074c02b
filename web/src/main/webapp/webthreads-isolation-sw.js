// webthreads isolation service worker: an opt-in for hosts that cannot send HTTP headers (GitHub
// Pages, say). webthreads needs a cross-origin isolated page (SharedArrayBuffer, shared wasm memory),
// which takes two response headers on the page: 'Cross-Origin-Opener-Policy: same-origin' and
// 'Cross-Origin-Embedder-Policy: require-corp'. This worker answers every same-origin request in its
// scope with the server's own response plus those two headers, so the page is isolated from the first
// load that this worker controls.
//
// Nothing loads it unless the page asks: webthreads.start({..., isolationServiceWorker:
// "webthreads-isolation-sw.js"}) registers it when the page is not isolated and reloads the page once
// it is active (the load that registered it was not served through it). Its scope is the folder it is
// served from: put it next to the page (or above). What it cannot do, and the trade-offs, are in
// docs/hosting.md of the webthreads repository.
"use strict";

// Activate at once rather than after every page of the old version closed: the page that registered
// this worker waits for it to be active, then reloads.
self.addEventListener("install", () => {
  self.skipWaiting();
});

// Take the open pages of the scope, so that navigator.serviceWorker.controller is set on them too.
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Requests to other origins go to the network untouched: their headers are not ours to add, and an
  // isolated page may load them only if their server allows it (CORS, or Cross-Origin-Resource-Policy).
  if (new URL(request.url).origin !== self.location.origin) return;
  // A request the browser may answer only from its cache (DevTools makes such); fetching it from here
  // with another mode would throw, so the browser handles it as if no worker were installed.
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(fetch(request).then(withIsolationHeaders));
});

/** The response with the two isolation headers added; one whose headers cannot be read as it is. */
function withIsolationHeaders(response) {
  // Opaque responses (and opaque redirects of navigations) have no readable status or headers; a
  // Response cannot be made with status 0.
  if (response.status === 0 || response.type === "opaque" || response.type === "opaqueredirect") {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Embedder-Policy", "require-corp");
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
