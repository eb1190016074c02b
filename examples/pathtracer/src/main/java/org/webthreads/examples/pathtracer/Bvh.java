package org.webthreads.examples.pathtracer;

/**
 * A bounding-volume hierarchy over a scene's primitives, flattened into arrays in depth-first order
 * (a node's left child is the next node). Built with the surface area heuristic over full sorts along
 * each axis; every sort orders by centroid and then by primitive index, and ties between split costs
 * go to the first axis and the first position, so the same primitives always give the same tree.
 */
final class Bvh {
  static final int MAX_LEAF = 4;
  /** Relative cost of one traversal step against one primitive test. */
  private static final double TRAVERSAL_COST = 1.0;

  final int nodeCount;
  /** Per node: min x y z, max x y z. */
  final double[] bounds;
  /** Per node two ints: a leaf holds (first index into order, count > 0); an inner node (right child, -(axis+1)). */
  final int[] nodes;
  /** Primitive indices in leaf order. */
  final int[] order;

  private Bvh(int nodeCount, double[] bounds, int[] nodes, int[] order) {
    this.nodeCount = nodeCount;
    this.bounds = bounds;
    this.nodes = nodes;
    this.order = order;
  }

  /** Writes the (slightly padded) bounds of primitive {@code p} to out[o..o+6). */
  static void primitiveBounds(int type, double[] data, int p, double[] out, int o) {
    int d = p * Scene.PRIM_STRIDE;
    double cx = data[d];
    double cy = data[d + 1];
    double cz = data[d + 2];
    double ex;
    double ey;
    double ez;
    if (type == Scene.SPHERE) {
      ex = data[d + 3];
      ey = ex;
      ez = ex;
    } else {
      double hx = data[d + 3];
      double hz = data[d + 5];
      double c = DetMath.abs(data[d + 6]);
      double s = DetMath.abs(data[d + 7]);
      ex = c * hx + s * hz;
      ey = data[d + 4];
      ez = s * hx + c * hz;
    }
    out[o] = pad(cx - ex, -1);
    out[o + 1] = pad(cy - ey, -1);
    out[o + 2] = pad(cz - ez, -1);
    out[o + 3] = pad(cx + ex, 1);
    out[o + 4] = pad(cy + ey, 1);
    out[o + 5] = pad(cz + ez, 1);
  }

  private static double pad(double v, double sign) {
    return v + sign * 1e-9 * (1 + DetMath.abs(v));
  }

  static Bvh build(int count, int[] type, double[] data) {
    if (count == 0) {
      // one empty leaf with inverted bounds: every ray misses it
      double[] b = {1, 1, 1, -1, -1, -1};
      return new Bvh(1, b, new int[] {0, 0}, new int[0]);
    }
    double[] primBounds = new double[count * 6];
    double[] centroid = new double[count * 3];
    for (int p = 0; p < count; p++) {
      primitiveBounds(type[p], data, p, primBounds, p * 6);
      for (int a = 0; a < 3; a++) {
        centroid[p * 3 + a] = (primBounds[p * 6 + a] + primBounds[p * 6 + 3 + a]) * 0.5;
      }
    }
    Builder b = new Builder(count, primBounds, centroid);
    b.build(0, count);
    return new Bvh(b.nodeCount, SceneBuilder.copy(b.bounds, b.nodeCount * 6),
        SceneBuilder.copy(b.nodes, b.nodeCount * 2), b.order);
  }

  private static final class Builder {
    final double[] primBounds;
    final double[] centroid;
    final int[] order;
    final int[] tmp;
    final double[] rightArea;
    final double[] bounds;
    final int[] nodes;
    int nodeCount;

    Builder(int count, double[] primBounds, double[] centroid) {
      this.primBounds = primBounds;
      this.centroid = centroid;
      this.order = new int[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      this.tmp = new int[count];
      this.rightArea = new double[count + 1];
      this.bounds = new double[(2 * count) * 6];
      this.nodes = new int[(2 * count) * 2];
    }

    int build(int from, int to) {
      int node = nodeCount++;
      int n = to - from;
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double minZ = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      double maxZ = Double.NEGATIVE_INFINITY;
      double cMin0 = Double.POSITIVE_INFINITY;
      double cMin1 = Double.POSITIVE_INFINITY;
      double cMin2 = Double.POSITIVE_INFINITY;
      double cMax0 = Double.NEGATIVE_INFINITY;
      double cMax1 = Double.NEGATIVE_INFINITY;
      double cMax2 = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        int p = order[i];
        int o = p * 6;
        minX = DetMath.min(minX, primBounds[o]);
        minY = DetMath.min(minY, primBounds[o + 1]);
        minZ = DetMath.min(minZ, primBounds[o + 2]);
        maxX = DetMath.max(maxX, primBounds[o + 3]);
        maxY = DetMath.max(maxY, primBounds[o + 4]);
        maxZ = DetMath.max(maxZ, primBounds[o + 5]);
        cMin0 = DetMath.min(cMin0, centroid[p * 3]);
        cMin1 = DetMath.min(cMin1, centroid[p * 3 + 1]);
        cMin2 = DetMath.min(cMin2, centroid[p * 3 + 2]);
        cMax0 = DetMath.max(cMax0, centroid[p * 3]);
        cMax1 = DetMath.max(cMax1, centroid[p * 3 + 1]);
        cMax2 = DetMath.max(cMax2, centroid[p * 3 + 2]);
      }
      int bo = node * 6;
      bounds[bo] = minX;
      bounds[bo + 1] = minY;
      bounds[bo + 2] = minZ;
      bounds[bo + 3] = maxX;
      bounds[bo + 4] = maxY;
      bounds[bo + 5] = maxZ;
      if (n == 1) {
        return leaf(node, from, n);
      }
      int bestAxis = -1;
      int bestSplit = 0;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int axis = 0; axis < 3; axis++) {
        double extent = axis == 0 ? cMax0 - cMin0 : axis == 1 ? cMax1 - cMin1 : cMax2 - cMin2;
        if (!(extent > 0)) {
          continue;
        }
        sort(from, to, axis);
        // sweep from the right: area of the union of order[i..to)
        double[] acc = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = to - 1; i > from; i--) {
          grow(acc, order[i]);
          rightArea[i - from] = area(acc);
        }
        acc[0] = acc[1] = acc[2] = Double.POSITIVE_INFINITY;
        acc[3] = acc[4] = acc[5] = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to - 1; i++) {
          grow(acc, order[i]);
          int left = i - from + 1;
          double cost = left * area(acc) + (n - left) * rightArea[left];
          if (cost < bestCost) {
            bestCost = cost;
            bestAxis = axis;
            bestSplit = left;
          }
        }
      }
      double nodeArea = area(bounds, bo);
      double leafCost = n * nodeArea;
      double splitCost = TRAVERSAL_COST * nodeArea + bestCost;
      if (n <= MAX_LEAF && (bestAxis < 0 || leafCost <= splitCost)) {
        return leaf(node, from, n);
      }
      if (bestAxis < 0) {
        // all centroids coincide: split in the middle of the current (deterministic) order
        bestAxis = 0;
        bestSplit = n / 2;
      } else if (bestAxis != 2) {
        sort(from, to, bestAxis); // the last sort was along axis 2
      }
      build(from, from + bestSplit);
      int right = build(from + bestSplit, to);
      nodes[node * 2] = right;
      nodes[node * 2 + 1] = -(bestAxis + 1);
      return node;
    }

    private int leaf(int node, int from, int n) {
      nodes[node * 2] = from;
      nodes[node * 2 + 1] = n;
      return node;
    }

    private void grow(double[] acc, int p) {
      int o = p * 6;
      for (int k = 0; k < 3; k++) {
        acc[k] = DetMath.min(acc[k], primBounds[o + k]);
        acc[k + 3] = DetMath.max(acc[k + 3], primBounds[o + k + 3]);
      }
    }

    private static double area(double[] b) {
      return area(b, 0);
    }

    private static double area(double[] b, int o) {
      double dx = b[o + 3] - b[o];
      double dy = b[o + 4] - b[o + 1];
      double dz = b[o + 5] - b[o + 2];
      return 2 * (dx * dy + dy * dz + dz * dx);
    }

    /** Stable merge sort of order[from..to) by (centroid along axis, primitive index). */
    private void sort(int from, int to, int axis) {
      for (int width = 1; width < to - from; width *= 2) {
        for (int lo = from; lo < to - width; lo += 2 * width) {
          int mid = lo + width;
          int hi = lo + 2 * width < to ? lo + 2 * width : to;
          int i = lo;
          int j = mid;
          int k = lo;
          while (i < mid && j < hi) {
            tmp[k++] = before(order[j], order[i], axis) ? order[j++] : order[i++];
          }
          while (i < mid) {
            tmp[k++] = order[i++];
          }
          while (j < hi) {
            tmp[k++] = order[j++];
          }
          System.arraycopy(tmp, lo, order, lo, hi - lo);
        }
      }
    }

    private boolean before(int a, int b, int axis) {
      double ca = centroid[a * 3 + axis];
      double cb = centroid[b * 3 + axis];
      return ca < cb || (ca == cb && a < b);
    }
  }
}
