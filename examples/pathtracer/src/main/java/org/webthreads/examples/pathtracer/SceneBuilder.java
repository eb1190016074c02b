package org.webthreads.examples.pathtracer;

/** Collects materials and primitives, then makes a {@link Scene}. */
public final class SceneBuilder {
  private int primCount;
  private int[] primType = new int[16];
  private int[] primMaterial = new int[16];
  private double[] primData = new double[16 * Scene.PRIM_STRIDE];
  private int materialCount;
  private int[] matType = new int[8];
  private int[] matTexture = new int[8];
  private double[] matData = new double[8 * Scene.MAT_STRIDE];
  private Camera camera;
  private final double[] sky = new double[6];
  private int maxDepth = 12;
  private long sampleSalt;

  // ---- materials: each returns the material's index ----

  public int lambertian(double r, double g, double b) {
    return material(Scene.LAMBERTIAN, Scene.SOLID, r, g, b, 0, 0, 0, 0, 0);
  }

  /** A diffuse checker: cells of size 1/cellsPerUnit, centred on the lattice points (3-D parity). */
  public int checker(double r1, double g1, double b1, double r2, double g2, double b2, double cellsPerUnit) {
    return material(Scene.LAMBERTIAN, Scene.CHECKER, r1, g1, b1, r2, g2, b2, cellsPerUnit, 0);
  }

  public int metal(double r, double g, double b, double fuzz) {
    return material(Scene.METAL, Scene.SOLID, r, g, b, 0, 0, 0, 0, fuzz);
  }

  public int dielectric(double refractionIndex) {
    return material(Scene.DIELECTRIC, Scene.SOLID, 1, 1, 1, 0, 0, 0, 0, refractionIndex);
  }

  /** A diffuse light emitting (r, g, b) from both sides; values may exceed 1. */
  public int light(double r, double g, double b) {
    return material(Scene.LIGHT, Scene.SOLID, r, g, b, 0, 0, 0, 0, 0);
  }

  /** Adds a material given as raw values (see {@link Scene#MAT_STRIDE}); validated by the scene. */
  public int material(int type, int texture, double r, double g, double b, double r2, double g2,
      double b2, double scale, double param) {
    if (materialCount == matType.length) {
      matType = grow(matType);
      matTexture = grow(matTexture);
      matData = grow(matData);
    }
    matType[materialCount] = type;
    matTexture[materialCount] = texture;
    int o = materialCount * Scene.MAT_STRIDE;
    matData[o] = r;
    matData[o + 1] = g;
    matData[o + 2] = b;
    matData[o + 3] = r2;
    matData[o + 4] = g2;
    matData[o + 5] = b2;
    matData[o + 6] = scale;
    matData[o + 7] = param;
    return materialCount++;
  }

  // ---- primitives: each returns the primitive's index ----

  public int sphere(double cx, double cy, double cz, double radius, int material) {
    return primitive(Scene.SPHERE, material, cx, cy, cz, radius, 0, 0, 0, 0);
  }

  /** An axis-aligned box between two corners. */
  public int box(double x0, double y0, double z0, double x1, double y1, double z1, int material) {
    return primitive(Scene.BOX, material, (x0 + x1) * 0.5, (y0 + y1) * 0.5, (z0 + z1) * 0.5,
        DetMath.abs(x1 - x0) * 0.5, DetMath.abs(y1 - y0) * 0.5, DetMath.abs(z1 - z0) * 0.5, 1, 0);
  }

  /** A box with the given centre and half extents, turned by {@code yawDegrees} about the y axis. */
  public int turnedBox(double cx, double cy, double cz, double hx, double hy, double hz, double yawDegrees,
      int material) {
    double a = DetMath.toRadians(yawDegrees);
    return primitive(Scene.BOX, material, cx, cy, cz, hx, hy, hz, DetMath.cos(a), DetMath.sin(a));
  }

  /** Adds a primitive given as raw values (see {@link Scene#PRIM_STRIDE}); validated by the scene. */
  public int primitive(int type, int material, double a0, double a1, double a2, double a3, double a4,
      double a5, double a6, double a7) {
    if (primCount == primType.length) {
      primType = grow(primType);
      primMaterial = grow(primMaterial);
      primData = grow(primData);
    }
    primType[primCount] = type;
    primMaterial[primCount] = material;
    int o = primCount * Scene.PRIM_STRIDE;
    primData[o] = a0;
    primData[o + 1] = a1;
    primData[o + 2] = a2;
    primData[o + 3] = a3;
    primData[o + 4] = a4;
    primData[o + 5] = a5;
    primData[o + 6] = a6;
    primData[o + 7] = a7;
    return primCount++;
  }

  // ---- the rest ----

  public SceneBuilder camera(Camera camera) {
    this.camera = camera;
    return this;
  }

  /** Background: a vertical gradient from the horizon colour (looking down) to the zenith colour. */
  public SceneBuilder sky(double hr, double hg, double hb, double zr, double zg, double zb) {
    sky[0] = hr;
    sky[1] = hg;
    sky[2] = hb;
    sky[3] = zr;
    sky[4] = zg;
    sky[5] = zb;
    return this;
  }

  /** Longest path, in bounces (default 12); Russian roulette may end paths earlier. */
  public SceneBuilder maxDepth(int depth) {
    this.maxDepth = depth;
    return this;
  }

  /** Mixed into every pixel's random seed, so two renders of one scene can differ on purpose. */
  public SceneBuilder sampleSalt(long salt) {
    this.sampleSalt = salt;
    return this;
  }

  public Scene build() {
    return new Scene(primCount, copy(primType, primCount), copy(primMaterial, primCount),
        copy(primData, primCount * Scene.PRIM_STRIDE), materialCount, copy(matType, materialCount),
        copy(matTexture, materialCount), copy(matData, materialCount * Scene.MAT_STRIDE), camera,
        copy(sky, 6), maxDepth, sampleSalt);
  }

  private static int[] grow(int[] a) {
    return copy(a, a.length * 2, a.length);
  }

  private static double[] grow(double[] a) {
    return copy(a, a.length * 2, a.length);
  }

  static int[] copy(int[] a, int n) {
    return copy(a, n, n);
  }

  static double[] copy(double[] a, int n) {
    return copy(a, n, n);
  }

  private static int[] copy(int[] a, int size, int n) {
    int[] b = new int[size];
    System.arraycopy(a, 0, b, 0, n);
    return b;
  }

  private static double[] copy(double[] a, int size, int n) {
    double[] b = new double[size];
    System.arraycopy(a, 0, b, 0, n);
    return b;
  }
}
