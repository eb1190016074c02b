package org.webthreads.maven;

import java.io.File;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.webthreads.devserver.IsolatedFileServer;

/**
 * Serves the page's folder on 127.0.0.1 with the two cross-origin isolation headers that shared memory
 * needs ({@code Cross-Origin-Opener-Policy: same-origin}, {@code Cross-Origin-Embedder-Policy:
 * require-corp}), prints the URL to open and serves until stopped (Ctrl-C). Run it after the build:
 * {@code mvn package webthreads:serve}. For development only: to host a page, see docs/hosting.md.
 */
@Mojo(name = "serve", threadSafe = true)
public final class ServeMojo extends AbstractMojo {
  /** The folder to serve. */
  @Parameter(property = "webthreads.folder", defaultValue = "${project.build.directory}/webapp")
  private File folder;

  /** The port on 127.0.0.1; 0 takes any free port. */
  @Parameter(property = "webthreads.port", defaultValue = "8080")
  private int port;

  /** The page the printed URL names, relative to the folder. */
  @Parameter(property = "webthreads.page", defaultValue = "index.html")
  private String page;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path root = folder.toPath();
    if (!Files.isDirectory(root)) {
      throw new MojoFailureException("nothing to serve: " + root + (Files.exists(root) ? " is a file, not a folder"
          : " does not exist") + ". Build the page first: mvn package webthreads:serve (or set "
          + "-Dwebthreads.folder=...)");
    }
    if (port < 0 || port > 65535) {
      throw new MojoFailureException("-Dwebthreads.port=" + port + " is not a port: give one from 1 to 65535, "
          + "or 0 for any free port");
    }
    String page = pageInFolder(this.page);
    if (!Files.isRegularFile(root.resolve(RuntimeFiles.ANCHOR))) {
      getLog().warn(root + " has no " + RuntimeFiles.ANCHOR + ": add the webthreads:copy-runtime goal "
          + "to the build so that the runtime is written next to the page");
    }
    if (!Files.isRegularFile(root.resolve(withoutQuery(page)))) {
      getLog().warn(root + " has no " + page + ": choose the page with -Dwebthreads.page=...");
    }
    IsolatedFileServer server;
    try {
      server = new IsolatedFileServer(root, port);
    } catch (BindException e) {
      throw new MojoFailureException("port " + port + " is in use: choose another with "
          + "-Dwebthreads.port=8081 (or 0 for any free port)", e);
    } catch (IOException e) {
      throw new MojoExecutionException("could not serve " + root + ": " + e.getMessage(), e);
    }
    getLog().info("serving " + root + " with the cross-origin isolation headers (Ctrl-C stops)");
    // Printed plainly (not through the log) so that scripts and the eye find it at the start of a line.
    System.out.println("open " + server.url(page));
    System.out.flush();
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
  }

  /**
   * The page as a path relative to the folder: without leading slashes (a URL with "//" would name no
   * file on the server).
   */
  static String pageInFolder(String page) {
    int start = 0;
    while (start < page.length() && page.charAt(start) == '/') {
      start++;
    }
    return page.substring(start);
  }

  /** The page's file name: without its query or fragment ({@code index.html?workers=2} names index.html). */
  static String withoutQuery(String page) {
    int end = page.length();
    for (char c : new char[] {'?', '#'}) {
      int at = page.indexOf(c);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return page.substring(0, end);
  }
}
