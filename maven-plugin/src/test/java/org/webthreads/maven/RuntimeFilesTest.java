package org.webthreads.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeFilesTest {
  private static final ClassLoader PLUGIN = RuntimeFilesTest.class.getClassLoader();

  @Test
  void theWebArtifactCarriesTheRuntime() throws IOException {
    List<String> names = RuntimeFiles.list(PLUGIN);
    assertTrue(names.contains("webthreads.js"), names::toString);
    assertTrue(names.contains("worker.js"), names::toString);
  }

  @Test
  void copiesEveryFileByteForByteAndReplacesAnOlderCopy(@TempDir Path target) throws IOException {
    Files.writeString(target.resolve("worker.js"), "an older runtime");
    List<String> names = RuntimeFiles.copyTo(PLUGIN, target.resolve("webapp"));
    for (String name : names) {
      try (InputStream in = PLUGIN.getResourceAsStream(RuntimeFiles.FOLDER + name)) {
        assertArrayEquals(in.readAllBytes(), Files.readAllBytes(target.resolve("webapp").resolve(name)), name);
      }
    }
    RuntimeFiles.copyTo(PLUGIN, target);
    assertTrue(Files.readString(target.resolve("worker.js")).length() > "an older runtime".length());
  }

  @Test
  void aTargetThatIsAFileIsSaidToBeOne(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("webapp"), "not a folder");
    String message = assertThrows(IOException.class, () -> RuntimeFiles.copyTo(PLUGIN, file)).getMessage();
    assertTrue(message.contains(file + " is a file, not a folder"), message);
    assertTrue(message.contains("-Dwebthreads.targetDirectory="), message);
  }

  /** Inside a jar (a user's build) as well as a classes folder (this reactor's tests). */
  @Test
  void listsAndCopiesFromAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("web.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("webthreads.js", "worker.js", "_headers", "sub/extra.js")) {
        out.putNextEntry(new JarEntry(RuntimeFiles.FOLDER + name));
        out.write(("// " + name).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("org/other/Thing.class"));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(List.of("_headers", "sub/extra.js", "webthreads.js", "worker.js"), RuntimeFiles.list(loader));
      Path target = dir.resolve("page");
      RuntimeFiles.copyTo(loader, target);
      assertEquals("// sub/extra.js", Files.readString(target.resolve("sub/extra.js")));
      assertEquals("// _headers", Files.readString(target.resolve("_headers")));
    }
  }

  @Test
  void aClassPathWithoutTheRuntimeIsAnErrorNamingTheJar() throws IOException {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      IOException e = assertThrows(IOException.class, () -> RuntimeFiles.list(empty));
      assertTrue(e.getMessage().contains("webthreads-web"), e.getMessage());
    }
  }

}
