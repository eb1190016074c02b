package org.webthreads.web;

import org.teavm.jso.JSObject;

/**
 * The code of a JS task: runs on the target thread with the payload the sender passed (a structured
 * clone, with transferred objects moved), and returns the result sent back to the sender (null for
 * none). It runs synchronously, between two pure tasks of the thread's pool.
 */
@FunctionalInterface
public interface JsTaskHandler {
  JSObject run(JSObject payload, JsTaskContext context) throws Exception;
}
