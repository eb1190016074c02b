package org.webthreads.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code webthreads:serve} says to settings it cannot serve with, before it starts serving. */
class ServeMojoTest {
  private static ServeMojo mojo(Path folder, int port, String page) throws ReflectiveOperationException {
    ServeMojo mojo = new ServeMojo();
    set(mojo, "folder", folder.toFile());
    set(mojo, "port", port);
    set(mojo, "page", page);
    return mojo;
  }

  private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  @Test
  void aPortOutOfRangeIsNamedWithTheFix(@TempDir Path folder) throws Exception {
    for (int port : new int[] {-1, 65536, 80800}) {
      String message = assertThrows(MojoFailureException.class, () -> mojo(folder, port, "index.html").execute())
          .getMessage();
      assertTrue(message.contains("-Dwebthreads.port=" + port + " is not a port"), message);
      assertTrue(message.contains("0 for any free port"), message);
    }
  }

  @Test
  void aFolderThatIsAFileIsSaidToBeOne(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("webapp"), "not a folder");
    String message = assertThrows(MojoFailureException.class, () -> mojo(file, 8080, "index.html").execute())
        .getMessage();
    assertTrue(message.contains(file + " is a file, not a folder"), message);
  }

  /** {@code -Dwebthreads.page=/index.html} printed {@code http://127.0.0.1:8080//index.html}, a 404. */
  @Test
  void thePageLosesItsLeadingSlashesAndIsLookedUpWithoutItsQuery() {
    assertEquals("index.html", ServeMojo.pageInFolder("/index.html"));
    assertEquals("sub/page.html?x=1", ServeMojo.pageInFolder("//sub/page.html?x=1"));
    assertEquals("index.html", ServeMojo.pageInFolder("index.html"));
    assertEquals("index.html", ServeMojo.withoutQuery("index.html?workers=2#top"));
    assertEquals("index.html", ServeMojo.withoutQuery("index.html#top?x"));
    assertEquals("index.html", ServeMojo.withoutQuery("index.html"));
  }
}
