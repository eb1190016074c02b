package org.webthreads;

/**
 * The cause of a {@link TaskFailedException} whose task failed on another heap (a browser worker, or
 * the JVM's emulation of separate heaps): the exception itself stayed there, its stack trace arrived
 * as text. {@link #toString()} is that trace (class, message, frames, causes), so
 * {@code printStackTrace()} of the failure prints it under "Caused by:". On one heap the cause is the
 * very exception the task threw instead.
 */
public final class RemoteStackTrace extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The remote trace as text. */
  private final String trace;

  RemoteStackTrace(String trace) {
    super(trace, null, false, false); // no frames of its own: it only carries the text
    this.trace = trace;
  }

  /**
   * The remote trace: its first line is {@code "ClassName: message"}, then the frames.
   *
   * @return the trace
   */
  public String trace() {
    return trace;
  }

  @Override
  public String toString() {
    return trace;
  }
}
