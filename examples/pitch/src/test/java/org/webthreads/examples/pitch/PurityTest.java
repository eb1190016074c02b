package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the constant pools of the library's class files (the package and .check) and fails on any
 * reference to what the browser's workers lack or the library must not use: java.util.concurrent,
 * threads, reflection, java.io.File*, java.nio, javax, AWT, java.util.Random (the library has its own
 * seeded generator), String.format, and any org.webthreads class outside this package. java.lang.Math
 * is allowed: browser and JVM results are compared with a tolerance, not bit for bit.
 */
class PurityTest {
  @Test
  void libraryReferencesNothingPlatformDependent() throws Exception {
    Path dir = Paths.get(RealFft.class.getResource("RealFft.class").toURI()).getParent();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> top = Files.list(dir); Stream<Path> check = Files.list(dir.resolve("check"))) {
      top.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
      check.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
    }
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (String ref : references(in)) {
          String why = forbidden(ref);
          if (why != null) {
            problems.add(file.getFileName() + ": " + ref + " (" + why + ")");
          }
        }
      }
    }
    assertTrue(files.size() >= 20, "found only " + files.size() + " class files in " + dir);
    assertEquals(List.of(), problems, "checked " + files.size() + " classes");
  }

  @Test
  void theCheckCatchesForbiddenReferences() {
    assertEquals("threads", forbidden("java/lang/Thread.sleep"));
    assertEquals("concurrency", forbidden("java/util/concurrent/atomic/AtomicInteger"));
    assertEquals("reflection", forbidden("java/lang/reflect/Method"));
    assertEquals("files", forbidden("java/io/FileInputStream"));
    assertEquals("NIO", forbidden("java/nio/ByteBuffer"));
    assertEquals("javax", forbidden("javax/sound/sampled/AudioSystem"));
    assertEquals("AWT", forbidden("java/awt/Color"));
    assertEquals("String.format", forbidden("java/lang/String.format"));
    assertEquals("own generator", forbidden("java/util/Random"));
    assertEquals("outside the library", forbidden("org/webthreads/core/ThreadPool"));
    assertEquals(null, forbidden("java/lang/Math.log"));
    assertEquals(null, forbidden("org/webthreads/examples/pitch/RealFft.forward"));
  }

  private static String forbidden(String ref) {
    String owner = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
    String member = ref.contains(".") ? ref.substring(ref.indexOf('.') + 1) : "";
    if (owner.equals("java/lang/Thread") || owner.equals("java/lang/ThreadLocal")) {
      return "threads";
    }
    if (owner.startsWith("java/util/concurrent")) {
      return "concurrency";
    }
    if (owner.startsWith("java/lang/reflect") || owner.equals("java/lang/Class") && !member.equals("desiredAssertionStatus")) {
      return "reflection";
    }
    if (owner.startsWith("java/io/File")) {
      return "files";
    }
    if (owner.startsWith("java/nio")) {
      return "NIO";
    }
    if (owner.startsWith("javax/")) {
      return "javax";
    }
    if (owner.startsWith("java/awt")) {
      return "AWT";
    }
    if (owner.equals("java/lang/String") && member.equals("format")) {
      return "String.format";
    }
    if (owner.equals("java/util/Random")) {
      return "own generator";
    }
    if (owner.startsWith("org/webthreads/") && !owner.startsWith("org/webthreads/examples/pitch/")) {
      return "outside the library";
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
    int[] classIndex = new int[count];
    int[] refClass = new int[count];
    int[] refNameAndType = new int[count];
    int[] nameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1:
          utf8[i] = in.readUTF();
          break;
        case 7:
          classIndex[i] = in.readUnsignedShort();
          break;
        case 9:
        case 10:
        case 11:
          refClass[i] = in.readUnsignedShort();
          refNameAndType[i] = in.readUnsignedShort();
          break;
        case 12:
          nameIndex[i] = in.readUnsignedShort();
          in.readUnsignedShort();
          break;
        case 3:
        case 4:
          in.readInt();
          break;
        case 5:
        case 6:
          in.readLong();
          i++;
          break;
        case 8:
        case 16:
        case 19:
        case 20:
          in.readUnsignedShort();
          break;
        case 15:
          in.readUnsignedByte();
          in.readUnsignedShort();
          break;
        case 17:
        case 18:
          in.readUnsignedShort();
          in.readUnsignedShort();
          break;
        default:
          throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> refs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (classIndex[i] != 0) {
        refs.add(utf8[classIndex[i]]);
      }
      if (refClass[i] != 0) {
        refs.add(utf8[classIndex[refClass[i]]] + "." + utf8[nameIndex[refNameAndType[i]]]);
      }
    }
    return refs;
  }
}
