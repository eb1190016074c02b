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

  /**
   * A new empty JS object, {@code {}}.
   *
   * @return the object
   */
  @JSBody(script = "return {};")
  public static native JSObject newObject();

  /**
   * A new empty JS array, {@code []}.
   *
   * @return the array
   */
  @JSBody(script = "return [];")
  public static native JSObject newArray();

  /**
   * Appends {@code value} to a JS array.
   *
   * @param array the JS array
   * @param value the element to append
   */
  @JSBody(params = {"array", "value"}, script = "array.push(value);")
  public static native void push(JSObject array, JSObject value);

  /**
   * Sets property {@code key} of a JS object to a number.
   *
   * @param object the JS object
   * @param key the property's name
   * @param value the number
   */
  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, int value);

  /**
   * Sets property {@code key} of a JS object to a number.
   *
   * @param object the JS object
   * @param key the property's name
   * @param value the number
   */
  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, double value);

  /**
   * Sets property {@code key} of a JS object to a boolean.
   *
   * @param object the JS object
   * @param key the property's name
   * @param value the boolean
   */
  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, boolean value);

  /**
   * Sets property {@code key} of a JS object to a string.
   *
   * @param object the JS object
   * @param key the property's name
   * @param value the string (null sets null)
   */
  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, String value);

  /**
   * Sets property {@code key} of a JS object to a JS value.
   *
   * @param object the JS object
   * @param key the property's name
   * @param value the value
   */
  @JSBody(params = {"object", "key", "value"}, script = "object[key] = value;")
  public static native void set(JSObject object, String key, JSObject value);

  /**
   * Property {@code key} of a JS object as a string ({@code String(v)}).
   *
   * @param object the JS object
   * @param key the property's name
   * @return the string, or null when the property is undefined or null
   */
  @JSBody(params = {"object", "key"}, script = "const v = object[key];"
      + " return v === undefined || v === null ? null : String(v);")
  public static native String getString(JSObject object, String key);

  /**
   * Property {@code key} of a JS object as an int ({@code v | 0}: 0 when undefined, fractions cut).
   *
   * @param object the JS object
   * @param key the property's name
   * @return the int
   */
  @JSBody(params = {"object", "key"}, script = "return object[key] | 0;")
  public static native int getInt(JSObject object, String key);

  /**
   * Property {@code key} of a JS object.
   *
   * @param object the JS object
   * @param key the property's name
   * @return the value, or null when undefined
   */
  @JSBody(params = {"object", "key"}, script = "const v = object[key]; return v === undefined ? null : v;")
  public static native JSObject get(JSObject object, String key);

  /**
   * A Java {@code double} as a JS number.
   *
   * @param value the number
   * @return the JS number
   */
  @JSBody(params = "value", script = "return value;")
  public static native JSObject number(double value);

  /**
   * A Java String as a JS string.
   *
   * @param value the string
   * @return the JS string
   */
  @JSBody(params = "value", script = "return value;")
  public static native JSObject string(String value);

  /**
   * A Java {@code boolean} as a JS boolean.
   *
   * @param value the boolean
   * @return the JS boolean
   */
  @JSBody(params = "value", script = "return value;")
  public static native JSObject bool(boolean value);
}
