package org.webthreads;

import org.webthreads.codec.ValueCodec;

/**
 * A task's return value on its way to a future: the check that its type can cross threads (the same
 * for every path), its size in words when it goes through a slot, and the copy a joiner gets when it
 * does not (arrays copied, as decoding would, so that the task and the caller never share one).
 */
final class ResultValues {
  private ResultValues() {
  }

  /** Words the value takes in a slot; an error naming the task when its type cannot cross threads. */
  static long size(Object value, String kindName) {
    try {
      return ValueCodec.sizeOf(value);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException("task '" + kindName + "' returned a value of type "
          + value.getClass().getName() + " that " + message.substring(message.indexOf("cannot")));
    }
  }

  /**
   * The value a joiner gets for a task whose result never went through shared words (it ran on the
   * joining thread, or on any thread of a pool on one heap).
   */
  static Object copy(Object value, String kindName) {
    size(value, kindName);
    if (value instanceof int[]) {
      return ((int[]) value).clone();
    }
    if (value instanceof long[]) {
      return ((long[]) value).clone();
    }
    if (value instanceof double[]) {
      return ((double[]) value).clone();
    }
    if (value instanceof float[]) {
      return ((float[]) value).clone();
    }
    if (value instanceof byte[]) {
      return ((byte[]) value).clone();
    }
    return value;
  }
}
