package org.webthreads.web;

import org.teavm.jso.JSObject;

/**
 * The code of a JS task: runs on the target thread with the payload the sender passed (a structured
 * clone, with transferred objects moved), and returns the result sent back to the sender (null for
 * none). It runs synchronously, between two pure tasks of the thread's pool.
 */
@FunctionalInterface
public interface JsTaskHandler {
  /**
   * Runs one JS task.
   *
   * @param payload the sender's payload (a structured clone), or null
   * @param context where the task runs and who sent it
   * @return the result sent back, or null for none
   * @throws Exception any failure: the sender's callback gets a {@link JsTaskFailedException}
   */
  JSObject run(JSObject payload, JsTaskContext context) throws Exception;
}
