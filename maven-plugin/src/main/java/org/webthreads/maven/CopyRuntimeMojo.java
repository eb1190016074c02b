package org.webthreads.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the webthreads JavaScript runtime next to the page: {@code webthreads.js} (the page's side),
 * {@code worker.js} (each worker's), {@code _headers} (the isolation headers for Netlify and Cloudflare
 * Pages) and the opt-in isolation service worker, all from the webthreads-web jar of this plugin's
 * version. Runs in {@code process-resources} by default, so the files are in place before TeaVM writes
 * the wasm beside them.
 */
@Mojo(name = "copy-runtime", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public final class CopyRuntimeMojo extends AbstractMojo {
  /** The page's folder: where the runtime files go (TeaVM's {@code targetDirectory}). */
  @Parameter(property = "webthreads.targetDirectory", defaultValue = "${project.build.directory}/webapp")
  private java.io.File targetDirectory;

  /** Skips this goal. */
  @Parameter(property = "webthreads.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("webthreads:copy-runtime skipped");
      return;
    }
    Path target = targetDirectory.toPath();
    try {
      List<String> names = RuntimeFiles.copyTo(CopyRuntimeMojo.class.getClassLoader(), target);
      getLog().info("webthreads runtime (" + String.join(", ", names) + ") written to " + target);
    } catch (IOException e) {
      throw new MojoExecutionException("could not write the webthreads runtime into " + target + ": "
          + e.getMessage(), e);
    }
  }
}
