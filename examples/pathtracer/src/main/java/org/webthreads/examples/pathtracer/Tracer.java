package org.webthreads.examples.pathtracer;

/**
 * A renderer context for one thread: traces paths through one {@link Scene}, shading each hit that its
 * {@link Intersector} finds. It owns its random number generator and scratch values, so tracing
 * allocates nothing. Not thread-safe: make one per thread (they are cheap) and reuse it for many tiles.
 *
 * <p>Each pixel's sample in a pass is seeded from (scene salt, x, y, pass) alone, so the image does not
 * depend on tile sizes, tile order or threads.
 */
public final class Tracer {
  /** Rays start this far from the surface they leave (avoids self-intersection). */
  static final double T_MIN = 1e-4;
  /** Bounce count from which Russian roulette may end a path. */
  static final int ROULETTE_DEPTH = 5;

  private final Scene scene;
  private final int[] primType;
  private final int[] primMaterial;
  private final double[] primData;
  private final int[] matType;
  private final int[] matTexture;
  private final double[] matData;
  private final Intersector intersector;
  private final Rng rng = new Rng(0);

  // scratch vector for sampling
  private double sx;
  private double sy;
  private double sz;

  // radiance of the last sample
  private double sampleR;
  private double sampleG;
  private double sampleB;

  public Tracer(Scene scene) {
    this.scene = scene;
    this.primType = scene.primType;
    this.primMaterial = scene.primMaterial;
    this.primData = scene.primData;
    this.matType = scene.matType;
    this.matTexture = scene.matTexture;
    this.matData = scene.matData;
    this.intersector = new Intersector(scene);
  }

  public Scene scene() {
    return scene;
  }

  /**
   * Renders one sample for every pixel of the tile (x0, y0, w, h) of a frame of frameWidth x
   * frameHeight pixels, in pass {@code pass}, and hands each to {@code sink}.
   */
  public void renderTile(int frameWidth, int frameHeight, int x0, int y0, int w, int h, int pass,
      FrameSink sink) {
    if (frameWidth <= 0 || frameHeight <= 0 || x0 < 0 || y0 < 0 || w < 0 || h < 0
        || w > frameWidth - x0 || h > frameHeight - y0 || pass < 0) {
      throw new IllegalArgumentException("tile (" + x0 + ", " + y0 + ", " + w + " x " + h + ") pass "
          + pass + " does not fit a frame of " + frameWidth + " x " + frameHeight);
    }
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        samplePixel(x, y, pass, frameWidth, frameHeight);
        sink.add(x, y, sampleR, sampleG, sampleB);
      }
    }
  }

  /** Traces the sample of pixel (x, y) in {@code pass}; read it with {@link #sampleR()} etc. */
  public void samplePixel(int x, int y, int pass, int frameWidth, int frameHeight) {
    Camera cam = scene.camera;
    rng.reseed(Rng.pixelSeed(scene.sampleSalt, x, y, pass));
    double s = (x + rng.nextDouble()) / frameWidth;
    double t = ((frameHeight - 1 - y) + rng.nextDouble()) / frameHeight;
    double ox = cam.ox;
    double oy = cam.oy;
    double oz = cam.oz;
    if (cam.lensRadius > 0) {
      double lx;
      double ly;
      do {
        lx = 2 * rng.nextDouble() - 1;
        ly = 2 * rng.nextDouble() - 1;
      } while (lx * lx + ly * ly >= 1);
      lx *= cam.lensRadius;
      ly *= cam.lensRadius;
      ox += cam.ux * lx + cam.wx * ly;
      oy += cam.uy * lx + cam.wy * ly;
      oz += cam.uz * lx + cam.wz * ly;
    }
    double dx = cam.llx + s * cam.hx + t * cam.vx - ox;
    double dy = cam.lly + s * cam.hy + t * cam.vy - oy;
    double dz = cam.llz + s * cam.hz + t * cam.vz - oz;
    double inv = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
    trace(ox, oy, oz, dx * inv, dy * inv, dz * inv);
  }

  public double sampleR() {
    return sampleR;
  }

  public double sampleG() {
    return sampleG;
  }

  public double sampleB() {
    return sampleB;
  }

  /** Follows one path from (o, d), d a unit vector; leaves its radiance in sampleR/G/B. */
  private void trace(double ox, double oy, double oz, double dx, double dy, double dz) {
    double tr = 1;
    double tg = 1;
    double tb = 1;
    double ar = 0;
    double ag = 0;
    double ab = 0;
    double[] md = matData;
    int maxDepth = scene.maxDepth;
    for (int depth = 0; ; depth++) {
      int prim = intersector.intersect(ox, oy, oz, dx, dy, dz, T_MIN);
      if (prim < 0) {
        double[] sky = scene.sky;
        double k = 0.5 * (dy + 1);
        ar += tr * ((1 - k) * sky[0] + k * sky[3]);
        ag += tg * ((1 - k) * sky[1] + k * sky[4]);
        ab += tb * ((1 - k) * sky[2] + k * sky[5]);
        break;
      }
      int m = primMaterial[prim];
      int mo = m * Scene.MAT_STRIDE;
      int type = matType[m];
      if (type == Scene.LIGHT) {
        ar += tr * md[mo];
        ag += tg * md[mo + 1];
        ab += tb * md[mo + 2];
        break;
      }
      if (depth + 1 >= maxDepth) {
        break;
      }
      double t = intersector.hitT();
      double px = ox + t * dx;
      double py = oy + t * dy;
      double pz = oz + t * dz;
      // outward normal
      double nx;
      double ny;
      double nz;
      int po = prim * Scene.PRIM_STRIDE;
      if (primType[prim] == Scene.SPHERE) {
        double invR = 1 / primData[po + 3];
        nx = (px - primData[po]) * invR;
        ny = (py - primData[po + 1]) * invR;
        nz = (pz - primData[po + 2]) * invR;
      } else {
        int hitFace = intersector.hitFace();
        double sign = (hitFace & 1) == 0 ? -1 : 1;
        int axis = hitFace >> 1;
        double lnx = axis == 0 ? sign : 0;
        double lnz = axis == 2 ? sign : 0;
        double c = primData[po + 6];
        double sn = primData[po + 7];
        nx = c * lnx + sn * lnz;
        ny = axis == 1 ? sign : 0;
        nz = c * lnz - sn * lnx;
      }
      double dn = dx * nx + dy * ny + dz * nz; // after the flip below: d . (shading normal) <= 0
      boolean front = dn < 0;
      if (!front) {
        nx = -nx;
        ny = -ny;
        nz = -nz;
        dn = -dn;
      }
      double cr;
      double cg;
      double cb;
      double ndx;
      double ndy;
      double ndz;
      if (type == Scene.DIELECTRIC) {
        cr = 1;
        cg = 1;
        cb = 1;
        double ior = md[mo + 7];
        double ratio = front ? 1 / ior : ior;
        double cosT = -dn;
        if (cosT > 1) {
          cosT = 1;
        }
        double sin2 = 1 - cosT * cosT;
        double r0 = (1 - ratio) / (1 + ratio);
        r0 *= r0;
        double x = 1 - cosT;
        double reflectance = r0 + (1 - r0) * (x * x * x * x * x);
        if (ratio * ratio * sin2 > 1 || reflectance > rng.nextDouble()) {
          ndx = dx + 2 * cosT * nx;
          ndy = dy + 2 * cosT * ny;
          ndz = dz + 2 * cosT * nz;
        } else {
          double perpX = ratio * (dx + cosT * nx);
          double perpY = ratio * (dy + cosT * ny);
          double perpZ = ratio * (dz + cosT * nz);
          double k = 1 - (perpX * perpX + perpY * perpY + perpZ * perpZ);
          double par = -Math.sqrt(k < 0 ? -k : k);
          ndx = perpX + par * nx;
          ndy = perpY + par * ny;
          ndz = perpZ + par * nz;
        }
      } else {
        int mt = mo;
        if (matTexture[m] == Scene.CHECKER && checkerOdd(md[mo + 6], px, py, pz)) {
          mt = mo + 3; // the second colour
        }
        cr = md[mt];
        cg = md[mt + 1];
        cb = md[mt + 2];
        if (type == Scene.LAMBERTIAN) {
          randomInUnitSphere();
          double l = Math.sqrt(sx * sx + sy * sy + sz * sz);
          ndx = nx + sx / l;
          ndy = ny + sy / l;
          ndz = nz + sz / l;
          if (ndx * ndx + ndy * ndy + ndz * ndz < 1e-16) {
            ndx = nx;
            ndy = ny;
            ndz = nz;
          }
        } else { // METAL
          double fuzz = md[mo + 7];
          ndx = dx - 2 * dn * nx;
          ndy = dy - 2 * dn * ny;
          ndz = dz - 2 * dn * nz;
          if (fuzz > 0) {
            randomInUnitSphere();
            ndx += fuzz * sx;
            ndy += fuzz * sy;
            ndz += fuzz * sz;
          }
          if (ndx * nx + ndy * ny + ndz * nz <= 0) {
            break; // absorbed
          }
        }
      }
      double inv = 1 / Math.sqrt(ndx * ndx + ndy * ndy + ndz * ndz);
      dx = ndx * inv;
      dy = ndy * inv;
      dz = ndz * inv;
      ox = px;
      oy = py;
      oz = pz;
      tr *= cr;
      tg *= cg;
      tb *= cb;
      if (depth + 1 >= ROULETTE_DEPTH) {
        double q = tr > tg ? tr : tg;
        q = q > tb ? q : tb;
        if (q < 1) {
          if (rng.nextDouble() >= q) {
            break;
          }
          tr /= q;
          tg /= q;
          tb /= q;
        }
      }
    }
    sampleR = ar;
    sampleG = ag;
    sampleB = ab;
  }

  /**
   * Whether (x, y, z) lies in an odd cell of a 3-D checker with {@code cells} cells per unit, cells
   * centred on the lattice points (so a floor at y = 0 never straddles a cell boundary). Floor parity
   * only: no trigonometry.
   */
  static boolean checkerOdd(double cells, double x, double y, double z) {
    double sum = Math.floor(cells * x + 0.5) + Math.floor(cells * y + 0.5) + Math.floor(cells * z + 0.5);
    return sum - 2 * Math.floor(sum * 0.5) != 0;
  }

  /** A point uniformly inside the unit ball (rejection sampling), in sx, sy, sz; never the origin. */
  private void randomInUnitSphere() {
    double x;
    double y;
    double z;
    double l2;
    do {
      x = 2 * rng.nextDouble() - 1;
      y = 2 * rng.nextDouble() - 1;
      z = 2 * rng.nextDouble() - 1;
      l2 = x * x + y * y + z * z;
    } while (l2 >= 1 || l2 < 1e-30);
    sx = x;
    sy = y;
    sz = z;
  }
}
