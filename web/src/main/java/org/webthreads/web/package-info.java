/**
 * The browser platform (compiled by TeaVM to WebAssembly GC; runs on the page and in every worker).
 *
 * <p>For programs: {@link org.webthreads.web.WebThreads} (the entry point on every thread),
 * {@link org.webthreads.web.WebOptions}, {@link org.webthreads.web.WebPlatform} (the workers, JS tasks),
 * {@link org.webthreads.web.WebFutures} (callbacks and Promises instead of blocking joins; then,
 * whenAll, whenAny, promiseAll, promiseRace),
 * {@link org.webthreads.web.WebGroups} (the same for task groups),
 * {@link org.webthreads.web.WebProgress} (a TaskProgress shown once per animation frame),
 * {@link org.webthreads.web.JsTaskKind} and its callbacks.
 *
 * <p>Inside: {@link org.webthreads.web.WasmSharedWords} and {@code WasmAtomics} (shared words as raw
 * wasm imports of a tiny atomics module over the one shared memory), {@code PageRuntime} and
 * {@code WorkerRuntime} (each side's start and message handling), {@code JsTasks} (JS tasks: a
 * worker's pool loop is asked to yield, through {@link org.webthreads.PoolControl#requestYield}, before a
 * JS task is posted to it), {@code PlatformWords}, {@code Js} and {@code JsObjects} (the JavaScript
 * calls). The JavaScript side is {@code webthreads.js} and {@code worker.js} (src/main/webapp).
 * docs/web.md explains it.
 */
package org.webthreads.web;
