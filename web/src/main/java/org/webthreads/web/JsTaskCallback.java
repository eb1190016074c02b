package org.webthreads.web;

import org.teavm.jso.JSObject;

/** Receives the outcome of a JS task on the thread that sent it, from that thread's event loop. */
public interface JsTaskCallback {
  void completed(JSObject result);

  void failed(JsTaskFailedException failure);
}
