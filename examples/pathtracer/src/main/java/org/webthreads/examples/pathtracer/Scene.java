package org.webthreads.examples.pathtracer;

/**
 * An immutable scene: primitives (spheres and boxes, a box optionally turned about the y axis),
 * materials, a camera, a sky gradient and the bounding-volume hierarchy over the primitives. Stored as
 * flat arrays so the renderer allocates nothing per ray. Build one with {@link SceneBuilder}, or decode
 * one with {@link SceneCodec}; the hierarchy is always built here, deterministically, from the
 * primitives in order.
 */
public final class Scene {
  /** Primitive types. */
  public static final int SPHERE = 0;
  public static final int BOX = 1;
  /** Material types. */
  public static final int LAMBERTIAN = 0;
  public static final int METAL = 1;
  public static final int DIELECTRIC = 2;
  public static final int LIGHT = 3;
  /** Texture types (for {@link #LAMBERTIAN} and {@link #METAL}). */
  public static final int SOLID = 0;
  public static final int CHECKER = 1;

  /**
   * Doubles per primitive: sphere = centre x y z, radius, 0...; box = centre x y z, half extents
   * x y z, cos and sin of its turn about y.
   */
  public static final int PRIM_STRIDE = 8;
  /**
   * Doubles per material: colour r g b, second colour r g b (checker), checker cells per unit, and one
   * parameter (metal fuzz, dielectric index of refraction).
   */
  public static final int MAT_STRIDE = 8;

  final int primCount;
  final int[] primType;
  final int[] primMaterial;
  final double[] primData;
  final int materialCount;
  final int[] matType;
  final int[] matTexture;
  final double[] matData;
  final Camera camera;
  /** horizon r g b, zenith r g b. */
  final double[] sky;
  final int maxDepth;
  final long sampleSalt;
  final Bvh bvh;

  Scene(int primCount, int[] primType, int[] primMaterial, double[] primData, int materialCount,
      int[] matType, int[] matTexture, double[] matData, Camera camera, double[] sky, int maxDepth,
      long sampleSalt) {
    if (camera == null) {
      throw new IllegalArgumentException("the scene has no camera");
    }
    if (maxDepth < 1 || maxDepth > 1000) {
      throw new IllegalArgumentException("max depth must be in 1..1000, was " + maxDepth);
    }
    for (int i = 0; i < materialCount; i++) {
      checkMaterial(i, matType[i], matTexture[i], matData, i * MAT_STRIDE);
    }
    for (int i = 0; i < primCount; i++) {
      if (primMaterial[i] < 0 || primMaterial[i] >= materialCount) {
        throw new IllegalArgumentException("primitive " + i + " uses unknown material " + primMaterial[i]);
      }
      checkPrimitive(i, primType[i], primData, i * PRIM_STRIDE);
    }
    for (int i = 0; i < 6; i++) {
      checkFinite("sky", sky[i]);
    }
    this.primCount = primCount;
    this.primType = primType;
    this.primMaterial = primMaterial;
    this.primData = primData;
    this.materialCount = materialCount;
    this.matType = matType;
    this.matTexture = matTexture;
    this.matData = matData;
    this.camera = camera;
    this.sky = sky;
    this.maxDepth = maxDepth;
    this.sampleSalt = sampleSalt;
    this.bvh = Bvh.build(primCount, primType, primData);
  }

  private static void checkFinite(String what, double v) {
    if (v != v || v - v != 0) {
      throw new IllegalArgumentException(what + " value is not finite: " + v);
    }
  }

  private static void checkMaterial(int index, int type, int texture, double[] data, int off) {
    if (type < LAMBERTIAN || type > LIGHT) {
      throw new IllegalArgumentException("material " + index + " has unknown type " + type);
    }
    if (texture != SOLID && texture != CHECKER) {
      throw new IllegalArgumentException("material " + index + " has unknown texture " + texture);
    }
    for (int k = 0; k < MAT_STRIDE; k++) {
      checkFinite("material " + index, data[off + k]);
    }
    for (int k = 0; k < 6; k++) {
      if (data[off + k] < 0) {
        throw new IllegalArgumentException("material " + index + " has a negative colour " + data[off + k]);
      }
    }
    if (type == DIELECTRIC && !(data[off + 7] > 0)) {
      throw new IllegalArgumentException("material " + index + " has refraction index " + data[off + 7]);
    }
    if (type == METAL && !(data[off + 7] >= 0 && data[off + 7] <= 1)) {
      throw new IllegalArgumentException("material " + index + " has fuzz " + data[off + 7] + " outside [0, 1]");
    }
  }

  private static void checkPrimitive(int index, int type, double[] data, int off) {
    for (int k = 0; k < PRIM_STRIDE; k++) {
      checkFinite("primitive " + index, data[off + k]);
    }
    if (type == SPHERE) {
      if (!(data[off + 3] > 0)) {
        throw new IllegalArgumentException("sphere " + index + " has radius " + data[off + 3]);
      }
    } else if (type == BOX) {
      if (!(data[off + 3] > 0 && data[off + 4] > 0 && data[off + 5] > 0)) {
        throw new IllegalArgumentException("box " + index + " has an empty extent");
      }
      double c = data[off + 6];
      double s = data[off + 7];
      double n = c * c + s * s;
      if (!(n > 0.999999 && n < 1.000001)) {
        throw new IllegalArgumentException("box " + index + " has a rotation that is not a rotation");
      }
    } else {
      throw new IllegalArgumentException("primitive " + index + " has unknown type " + type);
    }
  }

  public int primitiveCount() {
    return primCount;
  }

  public int materialCount() {
    return materialCount;
  }

  public int bvhNodeCount() {
    return bvh.nodeCount;
  }

  public int maxDepth() {
    return maxDepth;
  }

  public Camera camera() {
    return camera;
  }
}
