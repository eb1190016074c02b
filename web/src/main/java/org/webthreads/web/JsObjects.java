package org.webthreads.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Plain JavaScript objects and values from Java: the messages of the runtime, JS-task payloads and
 * results, and what pages publish. Each call is one {@code @JSBody}.
 */
public final class JsObjects {
  private JsObjects() {
  }

  @JSBody(script = "return {};")
  public static native JSObject newObject();

  @JSBody(script = "return [];")
  public static native JSObject newArray();

  @JSBody(params = {"array", "value"}, script = "array.push(value);")
  public static native void push(JSObject array, JSObject value);

  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, int value);

  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, double value);

  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, boolean value);

  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, String value);

  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, JSObject value);

  @JSBody(params = {"object", "key"}, script = "const v = object[key];"
      + " return v === undefined || v === null ? null : String(v);")
  public static native String getString(JSObject object, String key);

  @JSBody(params = {"object", "key"}, script = "return object[key] | 0;")
  public static native int getInt(JSObject object, String key);

  @JSBody(params = {"object", "key"}, script = "const v = object[key]; return v === undefined ? null : v;")
  public static native JSObject get(JSObject object, String key);

  @JSBody(params = "value", script = "return value;")
  public static native JSObject number(double value);

  @JSBody(params = "value", script = "return value;")
  public static native JSObject string(String value);

  @JSBody(params = "value", script = "return value;")
  public static native JSObject bool(boolean value);
}
