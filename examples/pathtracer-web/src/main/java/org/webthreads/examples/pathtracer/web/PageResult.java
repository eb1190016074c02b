package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.web.JsObjects;

/**
 * The object the page publishes as {@code self.tracerResult} when it stops: TracerPageBrowserTest and
 * the tracer benchmark (bench's TracerBenchRunner) read its fields, so their names and meaning stay.
 * Every result starts with the settings ({@link #settings}); milliseconds are rounded to 0.01.
 */
final class PageResult {
  private PageResult() {
  }

  /**
   * The settings as the page's form shows them and every result starts with them: workers, width,
   * height, tile, passes, seed, golden, mode, draw.
   */
  static JSObject settings(PageSettings s) {
    JSObject o = JsObjects.newObject();
    JsObjects.set(o, "workers", s.workers);
    JsObjects.set(o, "width", s.width);
    JsObjects.set(o, "height", s.height);
    JsObjects.set(o, "tile", s.tile);
    JsObjects.set(o, "passes", s.passes);
    JsObjects.set(o, "seed", s.seed);
    JsObjects.set(o, "golden", s.golden);
    JsObjects.set(o, "mode", s.mode.queryValue);
    JsObjects.set(o, "draw", s.draw.queryValue);
    return o;
  }

  /**
   * A pass-by-pass render's result (modes shared and postmessage): the settings, then workers,
   * tilesPerPass, sumsChecksum (of the final sums), rgbaChecksum (of the colours they give),
   * displayChecksum (of the colours shown: {@code shown} holds one little-endian RGBA word per pixel),
   * passMillis, totalMillis, samplesPerSec, tasksPerSec, tilesPerWorker and renderMillisPerWorker (from
   * the activity counters of worker ids 1 .. workers).
   */
  static JSObject passByPass(PageSettings s, int workers, int tilesPerPass, int[] sums, int[] shown,
      double[] passMillis, double totalMillis, TileActivity activity) {
    int pixels = s.pixels();
    byte[] rgba = new byte[pixels * 4];
    Accumulation.toRgba(sums, pixels, s.passes, rgba);
    byte[] shownBytes = new byte[pixels * 4];
    for (int i = 0; i < pixels; i++) {
      for (int c = 0; c < 4; c++) {
        shownBytes[i * 4 + c] = (byte) (shown[i] >>> (8 * c));
      }
    }
    JSObject result = settings(s);
    JsObjects.set(result, "workers", workers);
    JsObjects.set(result, "tilesPerPass", tilesPerPass);
    JsObjects.set(result, "sumsChecksum", Accumulation.hex(Accumulation.checksum(sums)));
    JsObjects.set(result, "rgbaChecksum", Accumulation.hex(Accumulation.checksum(rgba)));
    JsObjects.set(result, "displayChecksum", Accumulation.hex(Accumulation.checksum(shownBytes)));
    JsObjects.set(result, "passMillis", roundedArray(passMillis));
    JsObjects.set(result, "totalMillis", rounded(totalMillis));
    JsObjects.set(result, "samplesPerSec", Math.round((double) pixels * s.passes / totalMillis * 1000));
    JsObjects.set(result, "tasksPerSec", Math.round((double) tilesPerPass * s.passes / totalMillis * 1000));
    JSObject tiles = JsObjects.newArray();
    // Wall-clock time inside tile rendering per worker (includes time the OS gave its core to others).
    JSObject busy = JsObjects.newArray();
    for (int id = 1; id <= workers; id++) {
      JsObjects.push(tiles, JsObjects.number(activity.tiles(id)));
      JsObjects.push(busy, JsObjects.number(activity.micros(id) / 1000));
    }
    JsObjects.set(result, "tilesPerWorker", tiles);
    JsObjects.set(result, "renderMillisPerWorker", busy);
    return result;
  }

  /**
   * The independent mode's result: the settings, then workers, tilesPerPass, sumsChecksum (the
   * workers' common one), passMillisPerWorker (each worker's pass times, as it sent them), passMillis
   * (their mean per pass) and totalMillis.
   */
  static JSObject independent(PageSettings s, int workers, int tilesPerPass, String sumsChecksum,
      JSObject passMillisPerWorker, double[] meanPassMillis, double totalMillis) {
    JSObject result = settings(s);
    JsObjects.set(result, "workers", workers);
    JsObjects.set(result, "tilesPerPass", tilesPerPass);
    JsObjects.set(result, "sumsChecksum", sumsChecksum);
    JsObjects.set(result, "passMillisPerWorker", passMillisPerWorker);
    JsObjects.set(result, "passMillis", roundedArray(meanPassMillis));
    JsObjects.set(result, "totalMillis", rounded(totalMillis));
    return result;
  }

  private static double rounded(double millis) {
    return Math.round(millis * 100) / 100.0;
  }

  private static JSObject roundedArray(double[] values) {
    JSObject array = JsObjects.newArray();
    for (double v : values) {
      JsObjects.push(array, JsObjects.number(rounded(v)));
    }
    return array;
  }
}
