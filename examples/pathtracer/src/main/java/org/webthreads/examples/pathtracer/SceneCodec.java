package org.webthreads.examples.pathtracer;

/**
 * Encodes a {@link Scene} into a flat {@code double[]} (in the browser: a {@code Float64Array} sent to
 * every worker once) and decodes it back exactly. The hierarchy is not encoded: decoding rebuilds it,
 * deterministically, from the same primitives in the same order.
 *
 * <p>Layout (all doubles; integers are stored exactly):
 * <pre>
 *  0 MAGIC, 1 VERSION, 2 max depth, 3 salt high 32 bits (signed), 4 salt low 32 bits (unsigned),
 *  5 material count M, 6 primitive count P, 7..12 sky (horizon rgb, zenith rgb),
 *  13..31 camera ({@link Camera#SIZE} values),
 *  then M materials of 2 + {@link Scene#MAT_STRIDE} values: type, texture, data...
 *  then P primitives of 2 + {@link Scene#PRIM_STRIDE} values: type, material, data...
 * </pre>
 */
public final class SceneCodec {
  public static final double MAGIC = 1953654901.0;
  public static final double VERSION = 1.0;
  static final int HEADER = 13 + Camera.SIZE;

  private SceneCodec() {
  }

  public static double[] encode(Scene s) {
    int length = HEADER + s.materialCount * (2 + Scene.MAT_STRIDE) + s.primCount * (2 + Scene.PRIM_STRIDE);
    double[] out = new double[length];
    out[0] = MAGIC;
    out[1] = VERSION;
    out[2] = s.maxDepth;
    out[3] = (int) (s.sampleSalt >> 32);
    out[4] = s.sampleSalt & 0xFFFFFFFFL;
    out[5] = s.materialCount;
    out[6] = s.primCount;
    System.arraycopy(s.sky, 0, out, 7, 6);
    System.arraycopy(s.camera.toArray(), 0, out, 13, Camera.SIZE);
    int o = HEADER;
    for (int m = 0; m < s.materialCount; m++) {
      out[o++] = s.matType[m];
      out[o++] = s.matTexture[m];
      System.arraycopy(s.matData, m * Scene.MAT_STRIDE, out, o, Scene.MAT_STRIDE);
      o += Scene.MAT_STRIDE;
    }
    for (int p = 0; p < s.primCount; p++) {
      out[o++] = s.primType[p];
      out[o++] = s.primMaterial[p];
      System.arraycopy(s.primData, p * Scene.PRIM_STRIDE, out, o, Scene.PRIM_STRIDE);
      o += Scene.PRIM_STRIDE;
    }
    return out;
  }

  /** Decodes what {@link #encode} wrote; throws IllegalArgumentException for anything else. */
  public static Scene decode(double[] in) {
    if (in == null || in.length < HEADER) {
      throw new IllegalArgumentException("scene data too short: " + (in == null ? "null" : in.length + " values"));
    }
    if (in[0] != MAGIC) {
      throw new IllegalArgumentException("not an encoded scene (magic " + in[0] + ")");
    }
    if (in[1] != VERSION) {
      throw new IllegalArgumentException("unsupported scene version " + in[1] + ", expected " + VERSION);
    }
    int maxDepth = integer(in[2], 1, 1000, "max depth");
    long saltHigh = integer(in[3], Integer.MIN_VALUE, Integer.MAX_VALUE, "salt high bits");
    if (!(in[4] >= 0 && in[4] <= 4294967295.0 && in[4] == Math.floor(in[4]))) {
      throw new IllegalArgumentException("bad salt low bits " + in[4]);
    }
    long salt = (saltHigh << 32) | (long) in[4];
    int materials = integer(in[5], 0, 1 << 24, "material count");
    int prims = integer(in[6], 0, 1 << 24, "primitive count");
    long expected = HEADER + (long) materials * (2 + Scene.MAT_STRIDE) + (long) prims * (2 + Scene.PRIM_STRIDE);
    if (in.length != expected) {
      throw new IllegalArgumentException("scene data has " + in.length + " values, expected " + expected
          + " for " + materials + " materials and " + prims + " primitives");
    }
    double[] sky = new double[6];
    System.arraycopy(in, 7, sky, 0, 6);
    Camera camera = Camera.fromArray(in, 13);
    int[] matType = new int[materials];
    int[] matTexture = new int[materials];
    double[] matData = new double[materials * Scene.MAT_STRIDE];
    int o = HEADER;
    for (int m = 0; m < materials; m++) {
      matType[m] = integer(in[o++], 0, 1000, "material type");
      matTexture[m] = integer(in[o++], 0, 1000, "texture type");
      System.arraycopy(in, o, matData, m * Scene.MAT_STRIDE, Scene.MAT_STRIDE);
      o += Scene.MAT_STRIDE;
    }
    int[] primType = new int[prims];
    int[] primMaterial = new int[prims];
    double[] primData = new double[prims * Scene.PRIM_STRIDE];
    for (int p = 0; p < prims; p++) {
      primType[p] = integer(in[o++], 0, 1000, "primitive type");
      primMaterial[p] = integer(in[o++], 0, materials, "primitive material");
      System.arraycopy(in, o, primData, p * Scene.PRIM_STRIDE, Scene.PRIM_STRIDE);
      o += Scene.PRIM_STRIDE;
    }
    return new Scene(prims, primType, primMaterial, primData, materials, matType, matTexture, matData,
        camera, sky, maxDepth, salt);
  }

  private static int integer(double v, int min, int max, String what) {
    if (!(v >= min && v <= max && v == Math.floor(v))) {
      throw new IllegalArgumentException("bad " + what + " in scene data: " + v);
    }
    return (int) v;
  }

  /**
   * The doubles as 32-bit words, two per value (low word first: the layout of a {@code Float64Array}
   * viewed as an {@code Int32Array} on little-endian machines), for shared int memory.
   */
  public static int[] toWords(double[] values) {
    int[] words = new int[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      words[2 * i] = (int) bits;
      words[2 * i + 1] = (int) (bits >>> 32);
    }
    return words;
  }

  /** The inverse of {@link #toWords}. */
  public static double[] fromWords(int[] words) {
    if ((words.length & 1) != 0) {
      throw new IllegalArgumentException("odd number of words: " + words.length);
    }
    double[] values = new double[words.length / 2];
    for (int i = 0; i < values.length; i++) {
      long bits = (words[2 * i] & 0xFFFFFFFFL) | ((long) words[2 * i + 1] << 32);
      values[i] = Double.longBitsToDouble(bits);
    }
    return values;
  }
}
