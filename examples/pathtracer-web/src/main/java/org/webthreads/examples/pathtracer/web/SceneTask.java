package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.tiles.SceneCache;
import org.webthreads.web.JsTaskKind;

/**
 * {@code tracer.scene}, the JS task the page sends once to every worker before any tile: payload
 * {@code {id, data}} with the scene encoded by {@link SceneCodec} in a {@code Float64Array} (every
 * worker gets its own copy, by structured clone). The worker decodes it and installs it in its
 * {@link SceneCache} under {@code id}; the result is the number of doubles read.
 */
final class SceneTask {
  static final JsTaskKind KIND = JsTaskKind.register("tracer.scene", (payload, context) -> {
    int id = JsPayload.intField(payload, "id");
    JSObject data = JsPayload.field(payload, "data");
    if (!JsPayload.isFloat64Array(data)) {
      throw new IllegalArgumentException("tracer.scene: payload.data must be a Float64Array");
    }
    int length = JsPayload.length(data);
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = JsPayload.doubleAt(data, i);
    }
    SceneCache.install(id, SceneCodec.decode(values));
    return JsPayload.number(length);
  });

  private SceneTask() {
  }
}
