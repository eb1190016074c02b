package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Reading the page's JS task payloads (checked) and making their typed-array results, on a worker. */
final class JsPayload {
  private JsPayload() {
  }

  /** The int field {@code k} of {@code o}; throws, naming the field, when it is missing or not an int. */
  @JSBody(params = {"o", "k"}, script = "const v = o ? o[k] : undefined;"
      + " if (typeof v !== 'number' || (v | 0) !== v) throw new Error('tracer: payload.' + k"
      + " + ' must be an int, was ' + v);"
      + " return v;")
  static native int intField(JSObject o, String k);

  @JSBody(params = {"o", "k"}, script = "return o ? o[k] : undefined;")
  static native JSObject field(JSObject o, String k);

  @JSBody(params = "a", script = "return a instanceof Float64Array;")
  static native boolean isFloat64Array(JSObject a);

  @JSBody(params = "a", script = "return a.length;")
  static native int length(JSObject a);

  @JSBody(params = {"a", "i"}, script = "return a[i];")
  static native double doubleAt(JSObject a, int i);

  @JSBody(params = "n", script = "return new Int32Array(n);")
  static native JSObject newInt32Array(int n);

  @JSBody(params = {"a", "i", "v"}, script = "a[i] = v;")
  static native void setInt(JSObject a, int i, int v);

  @JSBody(params = "a", script = "return a.buffer;")
  static native JSObject buffer(JSObject a);

  @JSBody(params = "v", script = "return v;")
  static native JSObject number(int v);
}
