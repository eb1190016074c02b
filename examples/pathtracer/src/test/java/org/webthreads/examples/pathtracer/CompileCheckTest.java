package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.webthreads.examples.pathtracer.check.TracerCompileCheck;

class CompileCheckTest {
  @Test
  void theClassTeaVmCompilesPrintsTheGoldenChecksums() {
    assertEquals("sums " + Accumulation.hex(Golden.SUMS) + " rgba " + Accumulation.hex(Golden.RGBA)
        + " primitives 459", TracerCompileCheck.run());
  }
}
