package org.webthreads.web;

import org.teavm.interop.Import;

/**
 * The shared-word operations as raw wasm imports. webthreads.js supplies the "wtAtomics" module: the
 * exports of a tiny wasm module over the shared {@code WebAssembly.Memory}, so each call is wasm to
 * wasm, with no JavaScript in between (3-5 ns, against 35-65 ns for an {@code @JSBody} Atomics call:
 * docs/browser-findings.md). Indices are word indices into that memory. A trap inside one of these
 * (a wait on the page's main thread) cannot be caught in Java: callers must never let it happen.
 */
final class WasmAtomics {
  private WasmAtomics() {
  }

  @Import(module = "wtAtomics", name = "load")
  static native int load(int index);

  @Import(module = "wtAtomics", name = "store")
  static native void store(int index, int value);

  /** Returns the value before the operation; it replaced the word only if that equals expected. */
  @Import(module = "wtAtomics", name = "cas")
  static native int compareExchange(int index, int expected, int replacement);

  @Import(module = "wtAtomics", name = "add")
  static native int add(int index, int delta);

  /** memory.atomic.wait32: 0 woken, 1 not equal, 2 timed out; timeout in ns, negative for none. */
  @Import(module = "wtAtomics", name = "wait")
  static native int await(int index, int expected, long timeoutNanos);

  @Import(module = "wtAtomics", name = "notify")
  static native int notify(int index, int count);

  /** Current size of the shared memory in words. */
  @Import(module = "wtAtomics", name = "sizeWords")
  static native int sizeWords();

  /** memory.grow by {@code pages} of 64 KiB; returns the previous size in pages, or -1. */
  @Import(module = "wtAtomics", name = "grow")
  static native int grow(int pages);
}
