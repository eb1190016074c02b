package org.webthreads.examples.pathtracer;

/** Small scenes for tests. */
final class TestScenes {
  private TestScenes() {
  }

  /** A camera at (0, 0, 5) looking at the origin, pinhole, 40 degrees. */
  static Camera frontCamera(int width, int height) {
    return Camera.lookAt(0, 0, 5, 0, 0, 0, 0, 1, 0, 40, (double) width / height, 0, 5);
  }

  /** One sphere of radius 1 at the origin in a uniform sky of the given brightness. */
  static Scene sphereInSky(int material, SceneBuilder b, double sky, int width, int height) {
    b.sky(sky, sky, sky, sky, sky, sky);
    b.camera(frontCamera(width, height));
    b.sphere(0, 0, 0, 1, material);
    return b.build();
  }

  /** Random spheres and boxes (some turned) of mixed materials, for hierarchy tests. */
  static Scene randomClutter(long seed, int count) {
    Rng rng = new Rng(seed);
    SceneBuilder b = new SceneBuilder();
    b.camera(frontCamera(4, 3));
    int diffuse = b.lambertian(0.5, 0.5, 0.5);
    int glass = b.dielectric(1.5);
    for (int i = 0; i < count; i++) {
      double x = (rng.nextDouble() * 2 - 1) * 10;
      double y = (rng.nextDouble() * 2 - 1) * 10;
      double z = (rng.nextDouble() * 2 - 1) * 10;
      double s = 0.05 + rng.nextDouble() * 1.5;
      int kind = rng.nextInt(3);
      int material = rng.nextInt(2) == 0 ? diffuse : glass;
      if (kind == 0) {
        b.sphere(x, y, z, s, material);
      } else if (kind == 1) {
        b.box(x - s, y - s * 0.5, z - s * 0.3, x + s, y + s * 0.5, z + s * 0.3, material);
      } else {
        b.turnedBox(x, y, z, s, s * 0.4, s * 0.7, rng.nextDouble() * 360 - 180, material);
      }
    }
    // a few exact duplicates, so ties between equal distances happen
    b.sphere(1, 1, 1, 0.5, diffuse);
    b.sphere(1, 1, 1, 0.5, glass);
    b.box(-3, -3, -3, -2, -2, -2, diffuse);
    b.box(-3, -3, -3, -2, -2, -2, glass);
    return b.build();
  }
}
