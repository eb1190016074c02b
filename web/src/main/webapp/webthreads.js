// webthreads browser runtime. Loaded by the page with a <script> tag after the TeaVM runtime, and by
// worker.js with importScripts. It owns the JavaScript side of what Java cannot do from WasmGC:
// - the shared WebAssembly.Memory that holds every pool (one for the page and all its workers);
// - the "wtAtomics" import module: a tiny wasm module, assembled here, whose functions are the
//   scheduler's shared-word operations (i32.atomic.*, memory.atomic.wait32/notify). Java calls them
//   through @org.teavm.interop.Import, wasm to wasm, at 3-5 ns per call (docs/browser-findings.md);
// - creating workers, routing messages between threads, reporting worker failures;
// - telling the page when a worker's thread has really ended (its life lock, below).
// The page calls webthreads.start({wasm, runtime}); Java's main then runs on the page and in every
// worker, and org.webthreads.web.WebThreads takes over.
(function () {
  "use strict";
  const wt = (self.webthreads = self.webthreads || {});
  const PAGE_BYTES = 65536;
  const MAX_PAGES = 65536; // 4 GiB of address space reserved; pages are committed as the pools grow

  // ---- the atomics module --------------------------------------------------------------------

  function leb(n) {
    const out = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n !== 0) b |= 0x80;
      out.push(b);
    } while (n !== 0);
    return out;
  }
  const name = (s) => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  const section = (id, body) => [id, ...leb(body.length), ...body];
  const vec = (items) => [...leb(items.length), ...items.flat()];

  function atomicsModuleBytes() {
    const I32 = 0x7f, I64 = 0x7e, ATOMIC = 0xfe, MEMARG = [0x02, 0x00];
    const get = (i) => [0x20, i];
    const byteAddress = [...get(0), 0x41, 0x02, 0x74]; // word index << 2
    const type = (params, results) => [0x60, ...vec(params.map((p) => [p])), ...vec(results.map((r) => [r]))];
    const types = [
      type([I32], [I32]), //           0: load(i)
      type([I32, I32], []), //         1: store(i, v)
      type([I32, I32, I32], [I32]), // 2: cas(i, expected, replacement) -> old
      type([I32, I32], [I32]), //      3: add(i, delta) -> old; notify(i, count) -> woken
      type([I32, I32, I64], [I32]), // 4: wait(i, expected, timeoutNs) -> 0 ok / 1 not-equal / 2 timed-out
      type([], [I32]), //              5: sizeWords()
    ];
    const funcs = [
      ["load", 0, [...byteAddress, ATOMIC, 0x10, ...MEMARG]],
      ["store", 1, [...byteAddress, ...get(1), ATOMIC, 0x17, ...MEMARG]],
      ["cas", 2, [...byteAddress, ...get(1), ...get(2), ATOMIC, 0x48, ...MEMARG]],
      ["add", 3, [...byteAddress, ...get(1), ATOMIC, 0x1e, ...MEMARG]],
      ["notify", 3, [...byteAddress, ...get(1), ATOMIC, 0x00, ...MEMARG]],
      ["wait", 4, [...byteAddress, ...get(1), ...get(2), ATOMIC, 0x01, ...MEMARG]],
      // memory.size (pages) << 14 = words
      ["sizeWords", 5, [0x3f, 0x00, 0x41, 0x0e, 0x74]],
      // memory.grow(pages) -> previous size in pages, or -1
      ["grow", 0, [...get(0), 0x40, 0x00]],
    ];
    const memoryImport = [...name("env"), ...name("memory"), 0x02, 0x03, ...leb(1), ...leb(MAX_PAGES)];
    return new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      ...section(1, vec(types)),
      ...section(2, vec([memoryImport])),
      ...section(3, vec(funcs.map((f) => leb(f[1])))),
      ...section(7, vec(funcs.map((f, i) => [...name(f[0]), 0x00, ...leb(i)]))),
      ...section(10, vec(funcs.map((f) => {
        const body = [0x00, ...f[2], 0x0b]; // no locals
        return [...leb(body.length), ...body];
      }))),
    ]);
  }

  let atomicsModule = null;
  function atomicsImports(memory) {
    if (atomicsModule === null) atomicsModule = new WebAssembly.Module(atomicsModuleBytes());
    return new WebAssembly.Instance(atomicsModule, { env: { memory } }).exports;
  }

  // Stand-ins when the page is not cross-origin isolated: the program must still load, so that
  // Java can report the problem; Java checks wt.isolationProblem before it touches shared words.
  function unavailableImports() {
    const fail = () => { throw new Error(wt.isolationProblem); };
    return { load: fail, store: fail, cas: fail, add: fail, notify: fail, wait: fail, sizeWords: fail, grow: fail };
  }

  function installImports(importObject) {
    importObject.wtAtomics = wt.memory ? atomicsImports(wt.memory) : unavailableImports();
  }

  /** An Int32Array over the whole shared memory (made again after the memory grew). */
  wt.view = function () {
    const buffer = wt.memory.buffer;
    if (wt.viewCache === undefined || wt.viewCache.buffer !== buffer) wt.viewCache = new Int32Array(buffer);
    return wt.viewCache;
  };

  /** Calls cb() once word index no longer holds expected (or was notified); never blocks. */
  wt.waitAsync = function (index, expected, cb) {
    const result = Atomics.waitAsync(wt.view(), index, expected);
    if (result.async) result.value.then(() => cb());
    else queueMicrotask(() => cb());
  };

  wt.describe = function (err) {
    if (err === null || err === undefined) return String(err);
    const kind = (err.constructor && err.constructor.name) || typeof err;
    const message = err.message !== undefined ? err.message : String(err);
    return kind + ": " + message;
  };

  /** The docs page every isolation error names (in the webthreads repository). */
  const HOSTING_DOCS = "docs/hosting.md";

  function isolationProblem() {
    const sab = typeof SharedArrayBuffer !== "undefined";
    if (self.crossOriginIsolated === true && sab) return null;
    return (sab ? "" : "SharedArrayBuffer is not available in this page. ")
        + "webthreads needs a cross-origin isolated page (self.crossOriginIsolated is false): serve the "
        + "page and every script and wasm file with the headers 'Cross-Origin-Opener-Policy: same-origin' "
        + "and 'Cross-Origin-Embedder-Policy: require-corp' (the bundled server "
        + "org.webthreads.devserver.IsolatedFileServer does this; on Netlify and Cloudflare Pages the "
        + "_headers file shipped next to webthreads.js does), or, on a host that cannot set headers "
        + "(GitHub Pages), opt in to the isolation service worker with the webthreads.start option "
        + "isolationServiceWorker: \"webthreads-isolation-sw.js\". See " + HOSTING_DOCS
        + " in the webthreads repository";
  }

  // ---- the opt-in isolation service worker (for hosts that cannot send the two headers) --------

  /**
   * sessionStorage key, set to the page's URL just before the one reload: a page still not isolated
   * after that reload stops with the isolation error instead of reloading again.
   */
  const RELOAD_MARK = "webthreads-isolation-reload";

  /** Whether this load is the reload webthreads made for this page (the mark holds the page's URL). */
  function reloadedForIsolation() {
    try {
      return self.sessionStorage.getItem(RELOAD_MARK) === location.href;
    } catch (err) {
      return false;
    }
  }

  function clearReloadMark() {
    try {
      self.sessionStorage.removeItem(RELOAD_MARK);
    } catch (err) {
      // no storage: nothing was marked
    }
  }

  /**
   * The page is not isolated and opted in to the service worker at swOption (a URL relative to the
   * page). Registers it and reloads the page once it controls the page's scope; resolves to
   * "reloading" then. When the page was already reloaded for this (the mark) or the worker cannot be
   * used, clears the mark and resolves to a sentence saying what was tried, for the isolation error.
   */
  async function isolateWithServiceWorker(swOption) {
    if (swOption === true) swOption = "webthreads-isolation-sw.js";
    if (typeof swOption !== "string") {
      return "the option isolationServiceWorker must be the URL of webthreads-isolation-sw.js (relative to "
          + "the page) or true (for that file next to the page), not " + describeValue(swOption) + ". ";
    }
    const swUrl = new URL(swOption, location.href);
    const tried = "the isolation service worker " + swUrl.href + " (option isolationServiceWorker)";
    if (reloadedForIsolation()) {
      clearReloadMark();
      const controller = navigator.serviceWorker && navigator.serviceWorker.controller;
      return tried + " was registered and the page reloaded once, but the page is still not isolated ("
          + (controller
              ? "the worker " + controller.scriptURL + " controls it: check that this is webthreads-isolation-sw.js "
                + "from webthreads' web artifact and that the page is not inside a frame of a page without "
                + "the headers"
              : "no service worker controls it: a forced reload (Shift+Reload) bypasses service workers, and "
                + "the browser may have service workers disabled (private mode, site settings)")
          + "). ";
    }
    if (!self.isSecureContext || !navigator.serviceWorker) {
      return tried + " cannot run: service workers need a secure context (https, or http on localhost / "
          + "127.0.0.1), and this page " + location.origin + (self.isSecureContext
              ? " has none (the browser has them disabled)"
              : " is not one") + ". ";
    }
    if (swUrl.origin !== location.origin) {
      return tried + " is on another origin than the page (" + location.origin + "): a service worker "
          + "must be served from the page's own origin. ";
    }
    let registration;
    try {
      registration = await navigator.serviceWorker.register(swUrl.href);
    } catch (err) {
      const why = await wt.explainLoadFailure(swUrl.href, "the isolation service worker");
      return tried + " could not be registered: " + (why || wt.describe(err)) + ". ";
    }
    if (!location.href.startsWith(registration.scope)) {
      registration.unregister().catch(() => {}); // it would serve nothing of this page
      return tried + " has the scope " + registration.scope + ", which does not contain this page "
          + location.href + ": put the script in the page's folder (or above it). ";
    }
    // ready resolves once an active worker's registration covers this page (it claims open pages).
    await navigator.serviceWorker.ready;
    try {
      self.sessionStorage.setItem(RELOAD_MARK, location.href);
    } catch (err) {
      return tried + " is active, but the page cannot reload for it safely: sessionStorage is not "
          + "available (" + wt.describe(err) + "), which webthreads uses to reload at most once. "
          + "Reload the page by hand. ";
    }
    location.reload();
    return "reloading";
  }

  /**
   * Why url (what: "the program", "the worker script", ...) failed to load, as a sentence that names
   * the URL and the fix: the page opened from file://, the server unreachable, an HTTP status, or an
   * isolated page's script or wasm served without the isolation headers. Resolves to null when the
   * file loads fine (the cause is elsewhere). Never rejects.
   */
  wt.explainLoadFailure = async function (url, what) {
    if (self.location && self.location.protocol === "file:") {
      return fromFileProblem(what + " " + url);
    }
    let response;
    try {
      response = await fetch(url, { cache: "no-store" });
    } catch (err) {
      return what + " " + url + " could not be fetched (" + wt.describe(err) + "): check the URL and that "
          + "the server is running";
    }
    if (!response.ok) {
      return what + " " + url + " could not be loaded: the server answered HTTP " + response.status
          + (response.statusText ? " " + response.statusText : "") + ". Check that the file is deployed "
          + "at that URL (the options of webthreads.start name the program, the TeaVM runtime and the "
          + "worker script; worker.js and webthreads.js come from webthreads' web artifact)";
    }
    if (self.crossOriginIsolated === true && response.headers.get("Cross-Origin-Embedder-Policy") !== "require-corp") {
      return what + " " + url + " was served without the header 'Cross-Origin-Embedder-Policy: "
          + "require-corp', so this cross-origin isolated page may not use it: serve every file (html, js "
          + "and wasm) with 'Cross-Origin-Opener-Policy: same-origin' and 'Cross-Origin-Embedder-Policy: "
          + "require-corp' (the bundled server org.webthreads.devserver.IsolatedFileServer does this)";
    }
    return null;
  };

  function fromFileProblem(what) {
    return what + " cannot be loaded by a page opened from file://: open the page over http(s), not "
        + "file:// (serve its folder with the isolation headers: mvn package webthreads:serve, or java -cp "
        + "<webthreads-devserver jar> org.webthreads.devserver.IsolatedFileServer <folder>; see docs/hosting.md)";
  }

  /** Loads the program with TeaVM's runtime; a failure becomes an Error that says why. */
  async function loadProgram(url) {
    try {
      return await TeaVM.wasmGC.load(url, { installImports });
    } catch (err) {
      const why = await wt.explainLoadFailure(url, "the program");
      throw new Error(why || "the program " + url + " failed to load: " + wt.describe(err));
    }
  }

  // ---- page side ---------------------------------------------------------------------------

  /**
   * Loads the Java program on the page and runs its main. options: wasm (URL of the program),
   * runtime (URL of TeaVM's wasm-gc runtime script, loaded in every worker), worker (URL of
   * worker.js, default next to this file), memoryMiB (initial shared memory, default 16),
   * isolationServiceWorker (URL of webthreads-isolation-sw.js, or true for that file next to the page;
   * for hosts that cannot send the isolation headers: on a page that is not cross-origin isolated,
   * registers it and reloads the page once; see docs/hosting.md), onError (a function called with an
   * Error for each error no Java callback took: see wt.reportError).
   */
  wt.start = async function (options) {
    try {
      return await startPage(options);
    } catch (err) {
      console.error("webthreads: " + wt.describe(err));
      throw err;
    }
  };

  async function startPage(options) {
    if (!options || !options.wasm || !options.runtime) {
      throw new Error("webthreads.start needs {wasm: URL of the program, runtime: URL of TeaVM's "
          + "wasm-gc runtime script}; optional: worker (URL of worker.js), memoryMiB, onError, isolationServiceWorker "
          + "(URL of webthreads-isolation-sw.js)");
    }
    wt.threadId = 0;
    wt.isWorker = false;
    if (options.onError !== undefined) {
      if (typeof options.onError !== "function") {
        throw new Error("webthreads.start: onError must be a function (called with an Error), was "
            + typeof options.onError);
      }
      wt.onError = options.onError;
    }
    wt.wasmUrl = new URL(options.wasm, location.href).href;
    wt.runtimeUrl = new URL(options.runtime, location.href).href;
    wt.workerUrl = new URL(options.worker || "worker.js", wt.scriptUrl).href;
    if (location.protocol === "file:") {
      throw new Error(fromFileProblem("webthreads (its workers, its program " + wt.wasmUrl + ")"));
    }
    if (typeof TeaVM === "undefined") {
      const why = await wt.explainLoadFailure(wt.runtimeUrl, "TeaVM's runtime");
      throw new Error("TeaVM's runtime is not loaded on this page: load it with <script src=\""
          + options.runtime + "\"> before webthreads.js" + (why ? ". " + why : ""));
    }
    wt.query = location.search;
    // Names of the workers' life locks: unique to this page, since Web Locks are shared by the origin.
    wt.lifeLockPrefix = "webthreads-life-" + Math.random().toString(36).slice(2) + "-" + Date.now() + "-";
    wt.isolationProblem = isolationProblem();
    if (wt.isolationProblem === null) {
      clearReloadMark();
    } else if (options.isolationServiceWorker) {
      const outcome = await isolateWithServiceWorker(options.isolationServiceWorker);
      // The page goes away; what would follow must not run (nor report an error) meanwhile.
      if (outcome === "reloading") return new Promise(() => {});
      wt.isolationProblem = outcome + wt.isolationProblem;
    }
    if (wt.isolationProblem === null) {
      const pages = Math.max(1, Math.ceil(((options.memoryMiB || 16) << 20) / PAGE_BYTES));
      wt.memory = new WebAssembly.Memory({ initial: pages, maximum: MAX_PAGES, shared: true });
    }
    const teavm = await loadProgram(wt.wasmUrl);
    wt.exports = teavm.exports;
    teavm.exports.main([]);
    return teavm;
  }

  /**
   * Starts worker id with the boot record; events go to onEvent(id, message). Worker-to-worker
   * message channels are made by connectPeers once every worker object exists.
   */
  wt.workers = [null];
  wt.spawnWorker = function (id, count, onEvent) {
    let worker;
    try {
      worker = new Worker(wt.workerUrl, { name: "webthreads-" + id });
    } catch (err) {
      queueMicrotask(() => onEvent(id, { t: "fatal", id, where: "new Worker", message: wt.describe(err) }));
      return;
    }
    wt.workers[id] = worker;
    worker.onmessage = (e) => onEvent(id, e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      if (e.filename) {
        // An error thrown by the worker's own code, with its place.
        onEvent(id, { t: "fatal", id, where: e.filename + ":" + e.lineno, message: String(e.message) });
        return;
      }
      // The script did not load (the event says no more): find out why from here.
      (async () => {
        const why = (await wt.explainLoadFailure(wt.workerUrl, "the worker script"))
            || (await wt.explainLoadFailure(new URL("webthreads.js", wt.workerUrl).href,
                "webthreads.js (which the worker script loads from its own folder)"));
        onEvent(id, { t: "fatal", id, where: "loading " + wt.workerUrl,
          message: why || "the worker script " + wt.workerUrl + " failed to load: " + String(e.message || "no reason given") });
      })();
    };
    worker.onmessageerror = () => onEvent(id, { t: "fatal", id, where: "message", message: "a message could not be deserialized" });
  };

  /** Sends each worker its boot record with one MessagePort per other worker. */
  wt.bootWorkers = function (count, wasmOverride) {
    const ports = [];
    for (let i = 0; i <= count; i++) ports.push(new Array(count + 1).fill(null));
    for (let i = 1; i <= count; i++) {
      for (let j = i + 1; j <= count; j++) {
        const channel = new MessageChannel();
        ports[i][j] = channel.port1;
        ports[j][i] = channel.port2;
      }
    }
    for (let id = 1; id <= count; id++) {
      const worker = wt.workers[id];
      if (!worker) continue;
      const mine = ports[id];
      const boot = {
        t: "boot", id, count, memory: wt.memory, wasm: (wasmOverride && wasmOverride[id]) || wt.wasmUrl,
        runtime: wt.runtimeUrl, query: wt.query, ports: mine, lifeLock: wt.lifeLockPrefix + id,
      };
      worker.postMessage(boot, mine.filter((p) => p !== null));
    }
  };

  /**
   * Calls onGone() once worker id's thread has ended for good (after terminate(), Chromium lets a worker
   * that is running or waiting go on for up to 2 s; measured in docs/browser-findings.md). The worker
   * holds a Web Lock from its first moment until its thread ends; this request is granted only then.
   * Call after the worker reported ready (it holds the lock by then).
   */
  wt.watchWorker = function (id, onGone) {
    navigator.locks.request(wt.lifeLockPrefix + id, () => {
      onGone();
    }).catch((err) => console.error("webthreads: watching worker " + id + " for its end failed (a pool it "
        + "serves may not be repaired): " + wt.describe(err)));
  };

  wt.terminateWorker = function (id) {
    const worker = wt.workers[id];
    if (worker) worker.terminate();
    wt.workers[id] = null;
  };

  // ---- both sides ----------------------------------------------------------------------------

  /**
   * Posts msg to thread target (0 = the page) from this thread. Throws the browser's DataCloneError
   * when the message cannot be cloned (nothing is sent then).
   */
  wt.send = function (target, msg, transfer) {
    const list = transfer || [];
    if (!wt.isWorker) {
      const worker = wt.workers[target];
      if (!worker) throw new Error("worker " + target + " is not running");
      worker.postMessage(msg, list);
    } else if (target === 0) {
      self.postMessage(msg, list);
    } else {
      const port = wt.ports[target];
      if (!port) throw new Error("no channel from worker " + wt.threadId + " to worker " + target);
      port.postMessage(msg, list);
    }
  };

  /** Java's message handler on this thread; messages that came earlier were queued. */
  wt.setHandler = function (handler) {
    wt.handler = handler;
    const early = wt.early || [];
    wt.early = [];
    for (const msg of early) wt.deliver(msg);
  };

  wt.deliver = function (msg) {
    if (!wt.handler) {
      (wt.early = wt.early || []).push(msg);
      return;
    }
    for (;;) {
      try {
        wt.handler(msg);
        return;
      } catch (err) {
        // An error Java could not catch (a stack overflow's RangeError, say) unwound a worker's pool
        // loop: Java fails the tasks that were on the stack and asks to enter the loop again, from here
        // (the stack is short again).
        if (wt.isWorker && wt.onHandlerAbort && wt.onHandlerAbort(wt.describe(err))) {
          msg = { t: "reenter" };
          continue;
        }
        // Anything else that escaped the handler: report it rather than lose it.
        const report = { t: "fatal", id: wt.threadId, where: "message handler", message: wt.describe(err) };
        if (wt.isWorker) self.postMessage(report);
        else wt.reportError(err && err.name ? err.name : "Error", "webthreads: " + report.message);
        return;
      }
    }
  };

  // ---- drawing shared pixels -----------------------------------------------------------------

  /** The last ImageData each 2d context drew through putImageData, reused when the size matches. */
  const imageCache = new WeakMap();

  /**
   * Draws packed RGBA pixels from shared memory on a canvas. ImageData cannot lie over a
   * SharedArrayBuffer, so the pixels are copied (row by row, or at once for full rows) into an
   * ImageData, then put on the canvas. target: a canvas (HTMLCanvasElement or OffscreenCanvas) or its
   * 2d context; pixels: an Int32Array or Uint32Array of width * height words, row-major, each word
   * 0xAABBGGRR (its little-endian bytes are R, G, B, A, ImageData's order); x, y, w, h (optional,
   * default the whole image): the rectangle of the image to draw, at the same place on the canvas.
   */
  wt.putImageData = function (target, pixels, width, height, x, y, w, h) {
    const ctx = target && typeof target.getContext === "function" ? target.getContext("2d") : target;
    if (!ctx || typeof ctx.putImageData !== "function" || typeof ctx.createImageData !== "function") {
      throw new TypeError("webthreads.putImageData needs a canvas or its 2d context first, got "
          + describeValue(target) + (target && typeof target.getContext === "function"
              ? " (whose getContext('2d') gave " + describeValue(ctx) + ": the canvas has another kind of context)"
              : ""));
    }
    if (!(pixels instanceof Int32Array || pixels instanceof Uint32Array)) {
      throw new TypeError("webthreads.putImageData needs the pixels as an Int32Array or Uint32Array (one "
          + "0xAABBGGRR word a pixel, e.g. SharedArrayViews.int32 of a SharedIntArray), got " + describeValue(pixels));
    }
    if (x === undefined) {
      x = 0; y = 0; w = width; h = height;
    }
    const whole = "of a " + width + " x " + height + " image";
    if (![width, height, x, y, w, h].every(Number.isSafeInteger) || width <= 0 || height <= 0) {
      throw new RangeError("webthreads.putImageData needs whole numbers, width and height above 0: width "
          + width + ", height " + height + ", rectangle " + [x, y, w, h].join(", "));
    }
    if (pixels.length < width * height) {
      throw new RangeError("webthreads.putImageData: " + pixels.length + " pixels cannot hold a " + width
          + " x " + height + " image (" + width * height + " pixels)");
    }
    if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
      throw new RangeError("webthreads.putImageData: the rectangle at (" + x + ", " + y + ") of " + w + " x "
          + h + " is not inside " + whole);
    }
    if (w === 0 || h === 0) return;
    let image = imageCache.get(ctx);
    if (image === undefined || image.width !== w || image.height !== h) {
      image = ctx.createImageData(w, h);
      imageCache.set(ctx, image);
    }
    const out = new Int32Array(image.data.buffer, image.data.byteOffset, w * h);
    if (w === width) {
      out.set(pixels.subarray(y * width, (y + h) * width));
    } else {
      for (let row = 0; row < h; row++) {
        const from = (y + row) * width + x;
        out.set(pixels.subarray(from, from + w), row * w);
      }
    }
    ctx.putImageData(image, x, y);
  };

  function describeValue(v) {
    if (v === null || v === undefined) return String(v);
    return (v.constructor && v.constructor.name) || typeof v;
  }

  /**
   * An error on the page that no Java callback took (WebThreads.start's error callback threw while
   * handling one, or a message handler failed): logged with console.error, and handed as an Error
   * (named name) to the page's hook, the onError option of webthreads.start or a function assigned to
   * webthreads.onError, if there is one.
   */
  wt.reportError = function (name, message) {
    console.error(message);
    if (typeof wt.onError !== "function") return;
    const error = new Error(message);
    error.name = name;
    try {
      wt.onError(error);
    } catch (err) {
      console.error("webthreads: the page's onError hook threw: " + wt.describe(err));
    }
  };

  // ---- worker side ---------------------------------------------------------------------------

  /** Called by worker.js with the boot record: loads the program and runs its main. */
  wt.bootWorker = async function (boot) {
    wt.threadId = boot.id;
    wt.isWorker = true;
    wt.count = boot.count;
    wt.memory = boot.memory;
    wt.wasmUrl = boot.wasm;
    wt.runtimeUrl = boot.runtime;
    wt.query = boot.query;
    wt.isolationProblem = null;
    wt.ports = boot.ports;
    // The life lock (see watchWorker), held until this thread ends: taken before the worker can report
    // ready, so the page's request for it cannot be granted while this thread lives.
    if (wt.phase) wt.phase("taking its life lock (Web Locks API)");
    if (!self.navigator || !navigator.locks) {
      throw new Error("the Web Locks API (navigator.locks) is not available in this worker: webthreads "
          + "uses it to learn when a worker has ended. Current browsers have it in secure contexts "
          + "(https or localhost); a sandboxed frame without allow-same-origin refuses it");
    }
    await new Promise((held, failed) => {
      navigator.locks.request(boot.lifeLock, () => {
        held();
        return new Promise(() => {});
      }).catch(failed);
    });
    if (wt.phase) wt.phase("loading " + boot.wasm);
    for (let peer = 1; peer < boot.ports.length; peer++) {
      const port = boot.ports[peer];
      if (port) port.onmessage = (e) => wt.deliver(e.data);
    }
    const teavm = await loadProgram(wt.wasmUrl);
    wt.exports = teavm.exports;
    if (wt.phase) wt.phase("running main()");
    teavm.exports.main([]);
    if (!wt.started) {
      throw new Error("the program's main() returned without calling WebThreads.start on worker "
          + wt.threadId + ": main runs on every thread, so call WebThreads.start unconditionally");
    }
  };

  if (typeof document !== "undefined" && document.currentScript) {
    wt.scriptUrl = document.currentScript.src;
  } else if (typeof location !== "undefined") {
    wt.scriptUrl = location.href;
  }
})();
