package org.webthreads.web;

import org.teavm.jso.JSObject;

/** Receives the outcome of a JS task on the thread that sent it, from that thread's event loop. */
public interface JsTaskCallback {
  /**
   * Called with the task's result.
   *
   * @param result what the handler returned (a structured clone), or null
   */
  void completed(JSObject result);

  /**
   * Called when the task produced no result.
   *
   * @param failure what went wrong, naming the kind and the thread
   */
  void failed(JsTaskFailedException failure);
}
