package org.webthreads.examples.pathtracer.web;

import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.TileGrid;

/**
 * The page's options, parsed from its query string and checked ({@link #parse}); plain Java, so the
 * JVM tests check the parsing. Bad input throws an {@link IllegalArgumentException} whose message the
 * page shows after "bad page options: ".
 */
final class PageSettings {
  /** Most tiles a pass may have (the page keeps per-tile state for each). */
  static final int MAX_TILES = 16384;

  /** Workers to start; 0: one per core. */
  final int workers;
  final int width;
  final int height;
  final int tile;
  final int passes;
  final long seed;
  /** Whether the golden frame (see {@link org.webthreads.examples.pathtracer.Golden}) was asked for. */
  final boolean golden;
  final RenderMode mode;
  final DrawMode draw;

  private PageSettings(int workers, int width, int height, int tile, int passes, long seed, boolean golden,
      RenderMode mode, DrawMode draw) {
    this.workers = workers;
    this.width = width;
    this.height = height;
    this.tile = tile;
    this.passes = passes;
    this.seed = seed;
    this.golden = golden;
    this.mode = mode;
    this.draw = draw;
  }

  /**
   * Reads {@code query} ("?a=1&b=2" or without the "?"): workers (1..256, default: all cores), width
   * and height (8..4096; default 512 x 384), tile (4..1024, default 32), passes (1 ..
   * {@link Accumulation#MAX_PASSES}, default 256), seed (0 .. 2^31 - 1, default 42); golden=1 renders
   * the golden frame (64 x 48, seed 42, 4 passes, tiles of 16) whatever those say; mode
   * ({@link RenderMode}: shared, postmessage or independent) and draw ({@link DrawMode}: auto, frames
   * or pass). A pass may have at most {@link #MAX_TILES} tiles.
   */
  static PageSettings parse(String query) {
    int workers = 0;
    int width = 512;
    int height = 384;
    int tile = 32;
    int passes = 256;
    long seed = 42;
    boolean golden = false;
    RenderMode mode = RenderMode.SHARED;
    DrawMode draw = DrawMode.AUTO;
    String q = query.startsWith("?") ? query.substring(1) : query;
    for (String part : q.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      switch (name) {
        case "workers":
          workers = number(name, value, 1, 256);
          break;
        case "width":
          width = number(name, value, 8, 4096);
          break;
        case "height":
          height = number(name, value, 8, 4096);
          break;
        case "tile":
          tile = number(name, value, 4, 1024);
          break;
        case "passes":
          passes = number(name, value, 1, Accumulation.MAX_PASSES);
          break;
        case "seed":
          seed = number(name, value, 0, Integer.MAX_VALUE);
          break;
        case "golden":
          golden = number(name, value, 0, 1) == 1;
          break;
        case "mode":
          mode = mode(value);
          break;
        case "draw":
          draw = draw(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option '" + name + "' (known: workers, width, "
              + "height, tile, passes, seed, golden, mode, draw)");
      }
    }
    if (golden) {
      width = 64;
      height = 48;
      seed = 42;
      passes = 4;
      tile = 16;
    }
    long tiles = (long) ((width + tile - 1) / tile) * ((height + tile - 1) / tile);
    if (tiles > MAX_TILES) {
      throw new IllegalArgumentException(tiles + " tiles per pass is too many (at most " + MAX_TILES
          + "): use a larger tile or a smaller frame");
    }
    return new PageSettings(workers, width, height, tile, passes, seed, golden, mode, draw);
  }

  /** The tiles of one pass. */
  TileGrid grid() {
    return new TileGrid(width, height, tile);
  }

  int pixels() {
    return width * height;
  }

  private static RenderMode mode(String value) {
    for (RenderMode m : RenderMode.values()) {
      if (m.queryValue.equals(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("mode must be 'shared', 'postmessage' or 'independent', was '" + value
        + "'");
  }

  private static DrawMode draw(String value) {
    for (DrawMode d : DrawMode.values()) {
      if (d.queryValue.equals(value)) {
        return d;
      }
    }
    throw new IllegalArgumentException("draw must be 'auto', 'frames' or 'pass', was '" + value + "'");
  }

  private static int number(String name, String value, int min, int max) {
    int v;
    try {
      v = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + v);
    }
    return v;
  }
}
