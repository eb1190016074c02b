package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the constant pools of the pure renderer's class files (the package itself and .check) and
 * fails on any reference that could break bit-for-bit agreement with the browser or TeaVM compilation:
 * java.lang.Math other than sqrt and floor, StrictMath, java.util.Random, threads, reflection, AWT,
 * javax, String.format, the webthreads scheduler, and the path tracer's other packages (the tile task
 * on the scheduler and the platforms' runners, which depend on the renderer, never the other way).
 */
class PurityTest {
  @Test
  void pureRendererReferencesNothingPlatformDependent() throws Exception {
    Path dir = Paths.get(Scene.class.getResource("Scene.class").toURI()).getParent();
    List<String> problems = new ArrayList<>();
    int classes = 0;
    List<Path> files = new ArrayList<>();
    try (Stream<Path> top = Files.list(dir); Stream<Path> check = Files.list(dir.resolve("check"))) {
      top.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
      check.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
    }
    for (Path file : files) {
      classes++;
      try (InputStream in = Files.newInputStream(file)) {
        for (String ref : references(in)) {
          String why = forbidden(ref);
          if (why != null) {
            problems.add(file.getFileName() + ": " + ref + " (" + why + ")");
          }
        }
      }
    }
    assertEquals(List.of(), problems, "checked " + classes + " classes");
  }

  private static String forbidden(String ref) {
    String owner = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    String member = ref.contains(".") ? ref.substring(ref.indexOf('.') + 1) : "";
    if (owner.equals("java/lang/Math")) {
      return member.isEmpty() || member.equals("sqrt") || member.equals("floor") ? null
          : "Math may differ from JS Math";
    }
    if (owner.equals("java/lang/StrictMath") || owner.equals("java/util/Random")
        || owner.startsWith("java/util/concurrent") || owner.equals("java/lang/Thread")
        || owner.startsWith("java/lang/reflect") || owner.startsWith("java/awt") || owner.startsWith("javax/")
        || owner.startsWith("java/io/File") || owner.startsWith("java/nio")) {
      return "not for the pure renderer";
    }
    if (owner.equals("java/lang/String") && member.equals("format")) {
      return "String.format";
    }
    String renderer = "org/webthreads/examples/pathtracer/";
    if (owner.startsWith("org/webthreads/") && !owner.startsWith(renderer)) {
      return "the renderer must not depend on the scheduler";
    }
    if (owner.startsWith(renderer) && owner.indexOf('/', renderer.length()) >= 0
        && !owner.startsWith(renderer + "check/")) {
      return "another package (the tile task on the scheduler, a platform's runner): the renderer must not"
          + " depend on it";
    }
    return null;
  }

  /** Class names and "owner.member" for every class, field and method reference in a class file. */
  private static List<String> references(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    int[][] memberRef = new int[count][];
    int[] nameAndTypeName = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1: utf8[i] = in.readUTF(); break;
        case 7: classNameIndex[i] = in.readUnsignedShort(); break;
        case 9: case 10: case 11: memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()}; break;
        case 12: nameAndTypeName[i] = in.readUnsignedShort(); in.readUnsignedShort(); break;
        case 3: case 4: in.readInt(); break;
        case 5: case 6: in.readLong(); i++; break;
        case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
        case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
        case 17: case 18: in.readUnsignedShort(); in.readUnsignedShort(); break;
        default: throw new IOException("unknown constant tag " + tag);
      }
    }
    List<String> refs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (classNameIndex[i] != 0) {
        refs.add(utf8[classNameIndex[i]]);
      }
      if (memberRef[i] != null) {
        refs.add(utf8[classNameIndex[memberRef[i][0]]] + "." + utf8[nameAndTypeName[memberRef[i][1]]]);
      }
    }
    return refs;
  }
}
