package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The renderer's own trigonometry against the JVM's (the test may use Math; the renderer may not). */
class DetMathTest {
  @Test
  void sinAndCosMatchTheJvmToWithin1e9() {
    double worst = 0;
    for (int i = -200_000; i <= 200_000; i++) {
      double x = i * 0.0001 * DetMath.PI + i * 1e-7; // dense over [-20pi, 20pi], off the grid
      worst = Math.max(worst, Math.abs(DetMath.sin(x) - Math.sin(x)));
      worst = Math.max(worst, Math.abs(DetMath.cos(x) - Math.cos(x)));
    }
    Rng rng = new Rng(7);
    for (int i = 0; i < 100_000; i++) {
      double x = (rng.nextDouble() * 2 - 1) * 1e5;
      worst = Math.max(worst, Math.abs(DetMath.sin(x) - Math.sin(x)));
      worst = Math.max(worst, Math.abs(DetMath.cos(x) - Math.cos(x)));
    }
    assertEquals(0, worst, 1e-9, "largest error " + worst);
  }

  @Test
  void tanAndExactPoints() {
    for (double deg = 1; deg < 179; deg += 0.25) {
      double x = DetMath.toRadians(deg * 0.5);
      assertEquals(Math.tan(x), DetMath.tan(x), 1e-9 * Math.max(1, Math.abs(Math.tan(x))), "deg " + deg);
    }
    assertEquals(0.0, DetMath.sin(0.0));
    assertEquals(1.0, DetMath.cos(0.0));
    assertEquals(1.0, DetMath.sin(DetMath.PI / 2), 1e-15);
    assertEquals(-1.0, DetMath.cos(DetMath.PI), 1e-15);
  }

  @Test
  void hugeArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> DetMath.sin(1e7));
    assertThrows(IllegalArgumentException.class, () -> DetMath.cos(Double.NaN));
  }

  @Test
  void rngIsTheSplitMix64Stream() {
    // reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c)
    Rng rng = new Rng(0);
    assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
    assertEquals(0x06C45D188009454FL, rng.nextLong());
  }
}
