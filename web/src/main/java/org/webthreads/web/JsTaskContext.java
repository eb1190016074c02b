package org.webthreads.web;

import org.teavm.jso.JSObject;

/** What a running JS task knows: where it runs, who sent it, and what its result transfers. */
public final class JsTaskContext {
  private final WebPlatform platform;
  private final int sender;
  private JSObject transfer;

  JsTaskContext(WebPlatform platform, int sender) {
    this.platform = platform;
    this.sender = sender;
  }

  /**
   * This thread's platform: to send further JS tasks.
   *
   * @return the platform
   */
  public WebPlatform platform() {
    return platform;
  }

  /**
   * The thread this task runs on.
   *
   * @return the thread id
   */
  public int threadId() {
    return platform.threadId();
  }

  /**
   * The thread that sent it (0 = the page).
   *
   * @return the sender's thread id
   */
  public int senderId() {
    return sender;
  }

  /**
   * Moves {@code transferable} (an ArrayBuffer, MessagePort...) with the result instead of copying it.
   *
   * @param transferable a JS object the result refers to
   */
  public void transferWithResult(JSObject transferable) {
    if (transfer == null) {
      transfer = JsObjects.newArray();
    }
    JsObjects.push(transfer, transferable);
  }

  JSObject transferList() {
    return transfer;
  }
}
