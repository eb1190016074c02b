package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.webthreads.examples.pitch.check.PitchCompileCheck;

class CompileCheckTest {
  @Test
  void theClassTeaVmCompilesFindsTheThreeNotesEverywhere() {
    assertEquals("wav 38589 samples; frames 74; "
        + "mcleod 33 voiced A3x10@220.0 C#4x11@277.2 E4x12@329.6; "
        + "yin 33 voiced A3x11@220.0 C#4x10@277.2 E4x12@329.6; "
        + "tracker 31 voiced A3x10@220.0 C#4x10@277.2 E4x11@329.6; "
        + "spectrum peak bin 10 (215.3 Hz); "
        + "adapted 12000 Hz, csv 36 rows; heard A3+0c C#4+0c E4+0c", PitchCompileCheck.run());
  }
}
