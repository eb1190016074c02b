package org.webthreads.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose tests open pages of a built folder in headless Chromium: a test
 * method (or constructor) parameter of type {@link WebPage} is injected. The class gets one
 * {@link org.webthreads.devserver.IsolatedFileServer} serving {@link #folder()} with the cross-origin
 * isolation headers and one {@link HeadlessChromium}, both started when a test first needs them and
 * closed after the class's last test. The kit builds nothing: the folder must hold the built page.
 *
 * <pre>{@code
 * @WebPageTest
 * class MyPageTest {
 *   @Test
 *   void rendersWithoutErrors(WebPage page) {
 *     assertEquals("done", page.open("index.html").awaitDone(Duration.ofMinutes(1)));
 *     assertEquals(List.of(), page.consoleErrors());
 *   }
 * }
 * }</pre>
 *
 * <p>For settings computed at run time, register {@link WebPageExtension} with {@code @RegisterExtension}
 * instead (not both).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(WebPageExtension.class)
public @interface WebPageTest {
  /**
   * The folder to serve, relative to the working directory (Maven's surefire runs tests in the
   * module's folder). The system property {@value WebPageExtension#FOLDER_PROPERTY} overrides it when set.
   *
   * @return the folder; {@value WebPageExtension#DEFAULT_FOLDER} unless given
   */
  String folder() default WebPageExtension.DEFAULT_FOLDER;

  /**
   * Extra Chromium command-line flags, e.g. {@code --use-fake-device-for-media-stream}.
   *
   * @return the flags, added after the kit's own; none unless given
   */
  String[] chromiumArguments() default {};
}
