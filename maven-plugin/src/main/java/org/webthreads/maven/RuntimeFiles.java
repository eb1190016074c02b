package org.webthreads.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of the webthreads JavaScript runtime as the webthreads-web jar carries them, under
 * {@value #FOLDER}: {@code webthreads.js}, {@code worker.js} and the hosting files. They are listed from
 * the jar itself (or from its classes folder inside a reactor build), so a file added to the runtime
 * needs no change here.
 */
final class RuntimeFiles {
  /** Where the web jar keeps the runtime. */
  static final String FOLDER = "META-INF/webthreads/";
  /** The one file every runtime has; its location tells where the others are. */
  static final String ANCHOR = "webthreads.js";

  private RuntimeFiles() {}

  /** The runtime's file names (relative to {@link #FOLDER}, sub-folders with '/'), sorted. */
  static List<String> list(ClassLoader loader) throws IOException {
    URL anchor = loader.getResource(FOLDER + ANCHOR);
    if (anchor == null) {
      throw new IOException("no " + FOLDER + ANCHOR + " on the plugin's class path: the webthreads-web "
          + "jar is missing or too old (it carries the runtime from version 0.1.0)");
    }
    List<String> names = new ArrayList<>();
    switch (anchor.getProtocol()) {
      case "jar":
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(FOLDER)) {
              names.add(entry.getName().substring(FOLDER.length()));
            }
          }
        }
        break;
      case "file":
        Path folder;
        try {
          folder = Path.of(anchor.toURI()).getParent();
        } catch (URISyntaxException e) {
          throw new IOException("cannot read the runtime folder " + anchor, e);
        }
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(Files::isRegularFile)
              .forEach(file -> names.add(folder.relativize(file).toString().replace('\\', '/')));
        }
        break;
      default:
        throw new IOException("cannot list the runtime files at " + anchor);
    }
    names.sort(null);
    return names;
  }

  /** Writes every runtime file into {@code target} (replacing older copies); returns their names. */
  static List<String> copyTo(ClassLoader loader, Path target) throws IOException {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IOException(target + " is a file, not a folder: remove it, or give the page's folder as "
          + "<targetDirectory> (-Dwebthreads.targetDirectory=...)");
    }
    List<String> names = list(loader);
    for (String name : names) {
      Path file = target.resolve(name);
      Files.createDirectories(file.getParent());
      try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          throw new IOException("runtime file " + FOLDER + name + " vanished from the class path");
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return names;
  }
}
