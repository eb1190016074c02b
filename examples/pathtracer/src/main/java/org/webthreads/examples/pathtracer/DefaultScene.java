package org.webthreads.examples.pathtracer;

/**
 * The demo scene, in the style of the classic "final scene": a checker ground, three large spheres
 * (glass, diffuse, mirror), a grid of a few hundred small random spheres of mixed materials, a few
 * boxes (some turned), a sphere light and a panel light under a dusk sky. Everything random comes from
 * {@link Rng} seeded with {@code seed}, so a seed always gives the same scene.
 */
public final class DefaultScene {
  private static final double[][] BOXES = {
      // centre x y z, half x y z, yaw degrees, kind (0 diffuse, 1 metal, 2 glass), r g b
      {-1.6, 0.6, -3.2, 0.6, 0.6, 0.6, 20, 0, 0.8, 0.3, 0.3},
      {2.2, 0.9, -3.6, 0.5, 0.9, 0.5, -35, 1, 0.8, 0.8, 0.9},
      {-7.0, 0.5, 2.6, 0.5, 0.5, 0.5, 0, 0, 0.2, 0.4, 0.8},
      {7.2, 0.4, -2.0, 0.8, 0.4, 0.4, 50, 2, 1, 1, 1},
      {0.2, 0.3, 3.6, 0.3, 0.3, 0.3, 0, 0, 0.9, 0.8, 0.2},
  };

  private DefaultScene() {
  }

  public static Scene build(long seed, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("bad frame size " + width + " x " + height);
    }
    Rng rng = new Rng(Rng.mix64(seed));
    SceneBuilder b = new SceneBuilder();
    b.sampleSalt(seed);
    b.maxDepth(12);
    b.sky(0.30, 0.33, 0.42, 0.06, 0.09, 0.20);
    b.camera(Camera.lookAt(13, 2.6, 4, 0, 0.7, -0.6, 0, 1, 0, 30, (double) width / height, 0.05, 12));

    int ground = b.checker(0.2, 0.3, 0.1, 0.9, 0.9, 0.9, 1.0);
    b.box(-40, -1, -40, 40, 0, 40, ground);

    b.sphere(0, 1, 0, 1, b.dielectric(1.5));
    b.sphere(-4, 1, 0, 1, b.lambertian(0.4, 0.2, 0.1));
    b.sphere(4, 1, 0, 1, b.metal(0.7, 0.6, 0.5, 0.0));

    for (double[] box : BOXES) {
      int kind = (int) box[7];
      int material = kind == 0 ? b.lambertian(box[8], box[9], box[10])
          : kind == 1 ? b.metal(box[8], box[9], box[10], 0.05) : b.dielectric(1.5);
      b.turnedBox(box[0], box[1], box[2], box[3], box[4], box[5], box[6], material);
    }

    // lights: a warm sphere above the scene and a cool panel behind it
    b.sphere(-1.0, 2.2, -5.5, 0.5, b.light(14, 12, 9.5));
    b.box(-4.5, 4.0, -6.0, -1.5, 4.1, -4.5, b.light(3.5, 4.0, 6.0));

    for (int a = -11; a < 11; a++) {
      for (int c = -11; c < 11; c++) {
        double choose = rng.nextDouble();
        double x = a + 0.9 * rng.nextDouble();
        double z = c + 0.9 * rng.nextDouble();
        double y = 0.2;
        if (near(x, z, 4, 0, 1.2) || near(x, z, -4, 0, 1.2) || near(x, z, 0, 0, 1.2) || insideBox(x, z)) {
          continue;
        }
        int material;
        if (choose < 0.68) {
          material = b.lambertian(rng.nextDouble() * rng.nextDouble(), rng.nextDouble() * rng.nextDouble(),
              rng.nextDouble() * rng.nextDouble());
        } else if (choose < 0.84) {
          material = b.metal(0.5 + 0.5 * rng.nextDouble(), 0.5 + 0.5 * rng.nextDouble(),
              0.5 + 0.5 * rng.nextDouble(), 0.5 * rng.nextDouble());
        } else if (choose < 0.97) {
          material = b.dielectric(1.5);
        } else {
          material = b.light(2 + 4 * rng.nextDouble(), 2 + 4 * rng.nextDouble(), 2 + 4 * rng.nextDouble());
        }
        b.sphere(x, y, z, 0.2, material);
      }
    }
    return b.build();
  }

  private static boolean near(double x, double z, double cx, double cz, double distance) {
    double dx = x - cx;
    double dz = z - cz;
    return dx * dx + dz * dz < distance * distance;
  }

  private static boolean insideBox(double x, double z) {
    for (double[] box : BOXES) {
      double r = (box[3] > box[5] ? box[3] : box[5]) * 1.5 + 0.3;
      if (near(x, z, box[0], box[2], r)) {
        return true;
      }
    }
    return false;
  }
}
