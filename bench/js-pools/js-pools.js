// No-op dispatch benchmark of JavaScript worker pools: workerpool, Comlink and
// post-me, each used only through its published API (UMD builds loaded from
// node_modules by js-pools.html and by the worker-*.js scripts).
//
//   window.runJsPoolBench({workers, tasks, roundTrips, libraries, pin}) -> Promise<object>
//
// workers defaults to navigator.hardwareConcurrency, tasks to 20000, roundTrips
// to 2000, libraries to all three in the order workerpool, comlink, post-me
// (array or comma-separated string). pin: true sends every latency call to
// worker 0 instead of round robin (workerpool always picks its first idle
// worker, which for sequential calls is always the same one).
//
// For each library in turn: start `workers` workers, wait until each one has
// answered a call, warm up, then
//   (a) throughput: `tasks` no-op calls submitted back to back (all in flight
//       at once from the caller's side), awaited together; best of 3 runs;
//   (b) latency: `roundTrips` sequential no-op calls; median and p99;
// then terminate the workers before the next library starts.
//
// With ?autorun=1[&tasks=N][&roundTrips=M][&workers=W][&libraries=a,b][&pin=1]
// the page runs the benchmark on load, writes the JSON into <pre id="result">,
// and sets document.title to "done" (or "error", with {"error": ...} in #result).
(function () {
  'use strict';

  var ALL_LIBRARIES = ['workerpool', 'comlink', 'post-me'];
  var MEASURED_RUNS = 3;

  // Worker scripts and node_modules are resolved relative to this file, so the
  // directory can be installed under any path of a static server.
  var BASE = new URL('.', document.currentScript ? document.currentScript.src : location.href);
  function url(path) { return new URL(path, BASE).href; }

  // Each adapter starts n workers and returns {call(i) -> Promise, close()}.
  // Comlink and post-me have no pool: call(i) goes to worker i % n (round
  // robin). workerpool keeps its own queue and gives each task to an idle
  // worker, at most one task in flight per worker (its design).
  var ADAPTERS = {
    'workerpool': function (n) {
      var pool = workerpool.pool(url('worker-workerpool.js'), {
        maxWorkers: n,
        minWorkers: n,          // create all n workers up front, as for the others
        workerType: 'web'
      });
      return Promise.resolve({
        call: function () { return pool.exec('noop', []); },
        close: function () { return pool.terminate(true); }
      });
    },

    'comlink': function (n) {
      var workers = [], proxies = [];
      for (var i = 0; i < n; i++) {
        var w = new Worker(url('worker-comlink.js'));
        workers.push(w);
        proxies.push(Comlink.wrap(w));
      }
      return Promise.resolve({
        call: function (i) { return proxies[i % n].noop(); },
        close: function () {
          proxies.forEach(function (p) { p[Comlink.releaseProxy](); });
          workers.forEach(function (w) { w.terminate(); });
        }
      });
    },

    'post-me': function (n) {
      var workers = [];
      var handshakes = [];
      for (var i = 0; i < n; i++) {
        var w = new Worker(url('worker-post-me.js'));
        workers.push(w);
        // Up to 200 handshake attempts 50 ms apart: a cold worker on a loaded
        // 2-core machine can take longer than the default 5 x 100 ms.
        handshakes.push(PostMe.ParentHandshake(new PostMe.WorkerMessenger({ worker: w }), {}, 200, 50));
      }
      return Promise.all(handshakes).then(function (connections) {
        var handles = connections.map(function (c) { return c.remoteHandle(); });
        return {
          call: function (i) { return handles[i % n].call('noop'); },
          close: function () {
            connections.forEach(function (c) { c.close(); });
            workers.forEach(function (w) { w.terminate(); });
          }
        };
      });
    }
  };

  function now() { return performance.now(); }

  function pause(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  // Submit `tasks` calls without awaiting in between, then await them all.
  async function throughputRun(call, tasks) {
    var pending = new Array(tasks);
    var t0 = now();
    for (var i = 0; i < tasks; i++) pending[i] = call(i);
    await Promise.all(pending);
    var ms = now() - t0;
    return tasks / (ms / 1000);
  }

  // `count` sequential calls; returns the per-call times in ms and the total.
  async function latencyRun(call, count, pin) {
    var samples = new Float64Array(count);
    var t0 = now();
    for (var i = 0; i < count; i++) {
      var s = now();
      await call(pin ? 0 : i);
      samples[i] = now() - s;
    }
    var total = now() - t0;
    return { samples: samples, totalMs: total };
  }

  function percentile(sorted, p) {
    var idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
    return sorted[idx];
  }

  function median(sorted) {
    var n = sorted.length, m = n >> 1;
    return n % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  function withTimeout(promise, ms, message) {
    var timer;
    return Promise.race([
      promise,
      new Promise(function (_, reject) { timer = setTimeout(function () { reject(new Error(message)); }, ms); })
    ]).finally(function () { clearTimeout(timer); });
  }

  function round1(x) { return Math.round(x * 10) / 10; }

  async function libraryVersion(name) {
    try {
      var res = await fetch(url('node_modules/' + name + '/package.json'));
      return (await res.json()).version;
    } catch (e) {
      return 'unknown';
    }
  }

  async function benchLibrary(name, opts) {
    var n = opts.workers;
    var version = await libraryVersion(name);

    var tStart = now();
    var pool = await ADAPTERS[name](n);
    // Ready: one call per worker in flight at once, so every worker has loaded
    // its scripts and answered before anything is measured.
    var ready = [];
    for (var i = 0; i < n; i++) ready.push(pool.call(i));
    await withTimeout(Promise.all(ready), 30000, name + ': workers did not answer within 30 s');
    var startupMs = now() - tStart;

    try {
      // Warm-up: one full throughput run and one full latency run, discarded.
      await throughputRun(pool.call, opts.tasks);
      await latencyRun(pool.call, opts.roundTrips);

      var runs = [];
      for (var r = 0; r < MEASURED_RUNS; r++) {
        runs.push(await throughputRun(pool.call, opts.tasks));
        await pause(20);
      }

      var lat = await latencyRun(pool.call, opts.roundTrips, opts.pin);
      var sorted = Array.prototype.slice.call(lat.samples).sort(function (a, b) { return a - b; });

      return {
        noopTasksPerSec: Math.round(Math.max.apply(null, runs)),
        roundTripMedianUs: round1(median(sorted) * 1000),
        roundTripP99Us: round1(percentile(sorted, 0.99) * 1000),
        version: version,
        // Extras, not part of the required schema:
        noopTasksPerSecRuns: runs.map(Math.round),
        roundTripMeanUs: round1(lat.totalMs * 1000 / opts.roundTrips),
        startupMs: round1(startupMs)
      };
    } finally {
      await pool.close();
    }
  }

  function positiveInt(v, dflt) {
    var n = Math.floor(Number(v));
    return Number.isFinite(n) && n > 0 ? n : dflt;
  }

  async function runJsPoolBench(options) {
    options = options || {};
    var opts = {
      workers: positiveInt(options.workers, navigator.hardwareConcurrency || 4),
      tasks: positiveInt(options.tasks, 20000),
      roundTrips: positiveInt(options.roundTrips, 2000),
      pin: !!options.pin
    };
    var libraries = options.libraries || ALL_LIBRARIES;
    if (typeof libraries === 'string') libraries = libraries.split(',');
    libraries.forEach(function (l) {
      if (!ADAPTERS[l]) throw new Error('unknown library: ' + l);
    });

    var result = {};
    for (var i = 0; i < libraries.length; i++) {
      result[libraries[i]] = await benchLibrary(libraries[i], opts);
      await pause(200);   // let the terminated workers go before the next library
    }
    result.workers = opts.workers;
    result.userAgent = navigator.userAgent;
    result.tasks = opts.tasks;
    result.roundTrips = opts.roundTrips;
    result.hardwareConcurrency = navigator.hardwareConcurrency;
    // performance.now() is clamped to 100 us when not cross-origin isolated and
    // to 5 us when it is (COOP/COEP), which bounds the latency figures.
    result.crossOriginIsolated = !!self.crossOriginIsolated;
    return result;
  }

  window.runJsPoolBench = runJsPoolBench;

  function autorun() {
    var q = new URLSearchParams(location.search);
    if (q.get('autorun') !== '1') return;
    var out = document.getElementById('result');
    document.title = 'running';
    runJsPoolBench({
      workers: q.get('workers'),
      tasks: q.get('tasks'),
      roundTrips: q.get('roundTrips'),
      libraries: q.get('libraries') || undefined,
      pin: q.get('pin') === '1'
    }).then(function (res) {
      out.textContent = JSON.stringify(res, null, 2);
      document.title = 'done';
    }, function (err) {
      out.textContent = JSON.stringify({ error: String(err && err.stack || err) }, null, 2);
      document.title = 'error';
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', autorun);
  } else {
    autorun();
  }
})();
