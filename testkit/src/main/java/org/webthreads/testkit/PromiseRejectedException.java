package org.webthreads.testkit;

/**
 * The Promise a page was asked for was rejected (or the expression giving it threw). The message names
 * the expression, the page and the reason; {@link #reason()} is the reason alone.
 */
public final class PromiseRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  /**
   * A rejection with its reason.
   *
   * @param expression the JavaScript expression whose Promise was rejected
   * @param url the page it was evaluated on
   * @param reason the rejection's reason as text: {@code name: message} for an Error, else
   *     {@code String(reason)}
   */
  public PromiseRejectedException(String expression, String url, String reason) {
    super("the Promise of " + expression + " on " + url + " was rejected: " + reason);
    this.reason = reason;
  }

  /**
   * The rejection's reason as text.
   *
   * @return {@code name: message} for an Error (e.g. {@code TypeError: x is undefined}), else
   *     {@code String(reason)}
   */
  public String reason() {
    return reason;
  }
}
