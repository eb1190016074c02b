package org.webthreads.testkit;

/**
 * A page did not finish in time: it did not set its title to "done" or "error", or the Promise it was
 * asked for did not settle. The message names the page's URL and its title at the deadline.
 */
public final class PageTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A timeout with its explanation.
   *
   * @param message what was awaited, on which page, for how long, and the page's title then
   */
  public PageTimeoutException(String message) {
    super(message);
  }
}
