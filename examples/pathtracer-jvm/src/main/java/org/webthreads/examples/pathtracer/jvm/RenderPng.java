package org.webthreads.examples.pathtracer.jvm;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.Scene;

/**
 * Renders the default scene on a webthreads JVM pool and writes a PNG; prints timing as JSON.
 *
 * <pre>
 * --width 512 --height 512 --samples 16 --tile 32 --workers N --seed 42 --out frame.png
 * </pre>
 */
public final class RenderPng {
  private RenderPng() {
  }

  public static void main(String[] args) throws IOException {
    int width = 512;
    int height = 512;
    int samples = 16;
    int tile = 32;
    int workers = Runtime.getRuntime().availableProcessors();
    long seed = 42;
    String out = "frame.png";
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        System.out.println("usage: --width W --height H --samples S --tile T --workers N --seed S --out FILE");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--width": width = Integer.parseInt(value); break;
        case "--height": height = Integer.parseInt(value); break;
        case "--samples": samples = Integer.parseInt(value); break;
        case "--tile": tile = Integer.parseInt(value); break;
        case "--workers": workers = Integer.parseInt(value); break;
        case "--seed": seed = Long.parseLong(value); break;
        case "--out": out = value; break;
        default: throw new IllegalArgumentException("unknown option " + flag + " (try --help)");
      }
    }
    long buildStart = System.nanoTime();
    Scene scene = DefaultScene.build(seed, width, height);
    long buildNanos = System.nanoTime() - buildStart;
    JvmRender.Result result = JvmRender.render(scene, width, height, samples, tile, workers);
    byte[] rgba = result.rgba();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 4;
        image.setRGB(x, y, (rgba[i] & 0xFF) << 16 | (rgba[i + 1] & 0xFF) << 8 | (rgba[i + 2] & 0xFF));
      }
    }
    File file = new File(out).getAbsoluteFile();
    if (!ImageIO.write(image, "png", file)) {
      throw new IOException("no PNG writer");
    }
    long total = 0;
    long afterFirst = 0;
    StringBuilder passes = new StringBuilder();
    for (int p = 0; p < result.passNanos.length; p++) {
      total += result.passNanos[p];
      afterFirst += p > 0 ? result.passNanos[p] : 0;
      passes.append(p == 0 ? "" : ", ").append(ms(result.passNanos[p]));
    }
    double pixels = (double) width * height;
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"png\": \"").append(file.getPath().replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    json.append("  \"width\": ").append(width).append(", \"height\": ").append(height)
        .append(", \"samplesPerPixel\": ").append(samples).append(", \"tile\": ").append(tile)
        .append(", \"workers\": ").append(workers).append(", \"seed\": ").append(seed).append(",\n");
    json.append("  \"primitives\": ").append(scene.primitiveCount()).append(", \"bvhNodes\": ")
        .append(scene.bvhNodeCount()).append(", \"sceneBuildMs\": ").append(ms(buildNanos)).append(",\n");
    json.append("  \"passMs\": [").append(passes).append("],\n");
    json.append("  \"totalMs\": ").append(ms(total)).append(",\n");
    json.append("  \"meanPassMs\": ").append(samples == 0 ? "0" : ms(total / samples)).append(",\n");
    json.append("  \"samplesPerSecond\": ").append(rate(pixels * samples, total)).append(",\n");
    json.append("  \"samplesPerSecondAfterFirstPass\": ").append(samples > 1
        ? rate(pixels * (samples - 1), afterFirst) : "null").append(",\n");
    json.append("  \"sumsChecksum\": \"").append(Accumulation.hex(Accumulation.checksum(result.sums)))
        .append("\", \"rgbaChecksum\": \"").append(Accumulation.hex(Accumulation.checksum(rgba))).append("\"\n");
    json.append("}");
    System.out.println(json);
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  private static String rate(double samples, long nanos) {
    return nanos <= 0 ? "null" : String.format(Locale.ROOT, "%.0f", samples / (nanos / 1e9));
  }
}
