package org.webthreads.examples.pathtracer;

/**
 * Finds the nearest primitive a ray hits in one {@link Scene}: the BVH traversal and the sphere and box
 * tests. It owns its traversal stack and the record of the last hit ({@link #hitT()},
 * {@link #hitFace()}), so a query allocates nothing. Not thread-safe: each {@link Tracer} has one.
 */
final class Intersector {
  private final Scene scene;
  private final int[] primType;
  private final double[] primData;
  private final double[] nodeBounds;
  private final int[] nodes;
  private final int[] order;
  private final int[] stack;

  // hit record of the last intersect call
  private double hitT;
  private int hitFace;
  /** The face the last primitiveHit call's box was hit on. */
  private int lastFace;

  Intersector(Scene scene) {
    this.scene = scene;
    this.primType = scene.primType;
    this.primData = scene.primData;
    this.nodeBounds = scene.bvh.bounds;
    this.nodes = scene.bvh.nodes;
    this.order = scene.bvh.order;
    this.stack = new int[scene.bvh.nodeCount + 1];
  }

  /** The primitive the last {@link #intersect} call hit, at distance {@link #hitT()}. */
  double hitT() {
    return hitT;
  }

  int hitFace() {
    return hitFace;
  }

  /**
   * The closest primitive hit by the ray (o, d) at a distance above tMin, or -1. Equal distances go to
   * the lower primitive index, so the answer does not depend on the traversal order.
   */
  int intersect(double ox, double oy, double oz, double dx, double dy, double dz, double tMin) {
    double idx = 1 / dx;
    double idy = 1 / dy;
    double idz = 1 / dz;
    int nearX = idx < 0 ? 3 : 0;
    int nearY = idy < 0 ? 4 : 1;
    int nearZ = idz < 0 ? 5 : 2;
    double best = Double.POSITIVE_INFINITY;
    int bestPrim = -1;
    int bestFace = 0;
    double[] nb = nodeBounds;
    int sp = 0;
    int node = 0;
    while (true) {
      int b = node * 6;
      double tn = tMin;
      double tf = best;
      double t0 = (nb[b + nearX] - ox) * idx;
      double t1 = (nb[b + 3 - nearX] - ox) * idx;
      if (t0 > tn) {
        tn = t0;
      }
      if (t1 < tf) {
        tf = t1;
      }
      t0 = (nb[b + nearY] - oy) * idy;
      t1 = (nb[b + 5 - nearY] - oy) * idy;
      if (t0 > tn) {
        tn = t0;
      }
      if (t1 < tf) {
        tf = t1;
      }
      t0 = (nb[b + nearZ] - oz) * idz;
      t1 = (nb[b + 7 - nearZ] - oz) * idz;
      if (t0 > tn) {
        tn = t0;
      }
      if (t1 < tf) {
        tf = t1;
      }
      if (tn <= tf) {
        int a = nodes[node * 2];
        int k = nodes[node * 2 + 1];
        if (k < 0) {
          boolean negative = k == -1 ? idx < 0 : k == -2 ? idy < 0 : idz < 0;
          if (negative) {
            stack[sp++] = node + 1;
            node = a;
          } else {
            stack[sp++] = a;
            node = node + 1;
          }
          continue;
        }
        for (int i = a; i < a + k; i++) {
          int p = order[i];
          double t = primitiveHit(p, ox, oy, oz, dx, dy, dz, tMin);
          if (t < best || (t == best && p < bestPrim)) {
            best = t;
            bestPrim = p;
            bestFace = lastFace;
          }
        }
      }
      if (sp == 0) {
        break;
      }
      node = stack[--sp];
    }
    hitT = best;
    hitFace = bestFace;
    return bestPrim;
  }

  /** The same answer as {@link #intersect}, by testing every primitive (for tests). */
  int intersectBruteForce(double ox, double oy, double oz, double dx, double dy, double dz, double tMin) {
    double best = Double.POSITIVE_INFINITY;
    int bestPrim = -1;
    int bestFace = 0;
    for (int p = 0; p < scene.primCount; p++) {
      double t = primitiveHit(p, ox, oy, oz, dx, dy, dz, tMin);
      if (t < best || (t == best && p < bestPrim)) {
        best = t;
        bestPrim = p;
        bestFace = lastFace;
      }
    }
    hitT = best;
    hitFace = bestFace;
    return bestPrim;
  }

  /** The nearest distance above tMin at which the ray meets primitive p, or +infinity. */
  private double primitiveHit(int p, double ox, double oy, double oz, double dx, double dy, double dz,
      double tMin) {
    double[] pd = primData;
    int o = p * Scene.PRIM_STRIDE;
    if (primType[p] == Scene.SPHERE) {
      double cx = ox - pd[o];
      double cy = oy - pd[o + 1];
      double cz = oz - pd[o + 2];
      double r = pd[o + 3];
      double a = dx * dx + dy * dy + dz * dz;
      double halfB = cx * dx + cy * dy + cz * dz;
      double c = cx * cx + cy * cy + cz * cz - r * r;
      double disc = halfB * halfB - a * c;
      if (disc < 0) {
        return Double.POSITIVE_INFINITY;
      }
      double sq = Math.sqrt(disc);
      double t = (-halfB - sq) / a;
      if (t > tMin) {
        return t;
      }
      t = (-halfB + sq) / a;
      return t > tMin ? t : Double.POSITIVE_INFINITY;
    }
    double cos = pd[o + 6];
    double sin = pd[o + 7];
    double rx = ox - pd[o];
    double ry = oy - pd[o + 1];
    double rz = oz - pd[o + 2];
    double lox = cos * rx - sin * rz;
    double loz = sin * rx + cos * rz;
    double ldx = cos * dx - sin * dz;
    double ldz = sin * dx + cos * dz;
    double tNear = Double.NEGATIVE_INFINITY;
    double tFar = Double.POSITIVE_INFINITY;
    int nearFace = 0;
    int farFace = 0;
    // x slab
    double h = pd[o + 3];
    double inv = 1 / ldx;
    double t1 = (-h - lox) * inv;
    double t2 = (h - lox) * inv;
    if (t1 < t2) {
      if (t1 > tNear) {
        tNear = t1;
        nearFace = 0;
      }
      if (t2 < tFar) {
        tFar = t2;
        farFace = 1;
      }
    } else {
      if (t2 > tNear) {
        tNear = t2;
        nearFace = 1;
      }
      if (t1 < tFar) {
        tFar = t1;
        farFace = 0;
      }
    }
    // y slab
    h = pd[o + 4];
    inv = 1 / dy;
    t1 = (-h - ry) * inv;
    t2 = (h - ry) * inv;
    if (t1 < t2) {
      if (t1 > tNear) {
        tNear = t1;
        nearFace = 2;
      }
      if (t2 < tFar) {
        tFar = t2;
        farFace = 3;
      }
    } else {
      if (t2 > tNear) {
        tNear = t2;
        nearFace = 3;
      }
      if (t1 < tFar) {
        tFar = t1;
        farFace = 2;
      }
    }
    // z slab
    h = pd[o + 5];
    inv = 1 / ldz;
    t1 = (-h - loz) * inv;
    t2 = (h - loz) * inv;
    if (t1 < t2) {
      if (t1 > tNear) {
        tNear = t1;
        nearFace = 4;
      }
      if (t2 < tFar) {
        tFar = t2;
        farFace = 5;
      }
    } else {
      if (t2 > tNear) {
        tNear = t2;
        nearFace = 5;
      }
      if (t1 < tFar) {
        tFar = t1;
        farFace = 4;
      }
    }
    if (tNear > tFar) {
      return Double.POSITIVE_INFINITY;
    }
    if (tNear > tMin) {
      lastFace = nearFace;
      return tNear;
    }
    if (tFar > tMin && tFar < Double.POSITIVE_INFINITY) {
      lastFace = farFace;
      return tFar;
    }
    return Double.POSITIVE_INFINITY;
  }
}
