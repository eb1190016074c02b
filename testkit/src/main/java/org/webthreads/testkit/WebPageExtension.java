package org.webthreads.testkit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The JUnit 5 extension behind {@link WebPageTest}: injects {@link WebPage} parameters, backed by one
 * {@link org.webthreads.devserver.IsolatedFileServer} and one {@link HeadlessChromium} per test class
 * (a {@code @Nested} class shares its outer class's, unless it has a {@code @WebPageTest} of its own
 * with another folder or other flags: then it gets its own), each started on first use and closed
 * after the outermost class's last test.
 *
 * <p>Usually applied through {@code @WebPageTest}. When a setting is known only at run time (a file
 * a Chromium flag names, say), register it on a static field instead:
 *
 * <pre>{@code
 * @RegisterExtension
 * static WebPageExtension pages = WebPageExtension.builder()
 *     .folder("target/webapp")
 *     .chromiumArguments("--use-fake-device-for-media-stream",
 *         "--use-file-for-fake-audio-capture=" + wav + "%noloop")
 *     .build();
 * }</pre>
 *
 * <p>Tests of one class share the browser, so they must not run concurrently.
 */
public final class WebPageExtension implements ParameterResolver {
  /** The folder served unless configured: {@value}, relative to the working directory. */
  public static final String DEFAULT_FOLDER = "target/webapp";
  /** The system property that, when set, names the folder to serve instead of the configured one. */
  public static final String FOLDER_PROPERTY = "webthreads.webapp.dir";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WebPageExtension.class);

  /** Set when built by {@link Builder}; null when JUnit made this from {@link WebPageTest}. */
  private final String folder;
  private final List<String> chromiumArguments;

  /** The extension configured by the test class's {@link WebPageTest} annotation (JUnit calls this). */
  public WebPageExtension() {
    this.folder = null;
    this.chromiumArguments = List.of();
  }

  private WebPageExtension(String folder, List<String> chromiumArguments) {
    this.folder = folder;
    this.chromiumArguments = List.copyOf(chromiumArguments);
  }

  /**
   * A builder for an extension registered with {@code @RegisterExtension} on a static field.
   *
   * @return a builder with the folder {@value #DEFAULT_FOLDER} and no extra Chromium flags
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Supports parameters of type {@link WebPage}.
   *
   * @param parameterContext the parameter
   * @param extensionContext the test's context
   * @return whether the parameter is a {@link WebPage}
   * @throws ParameterResolutionException if the class uses both {@code @WebPageTest} and a
   *     registered {@code WebPageExtension}
   */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (parameterContext.getParameter().getType() != WebPage.class) {
      return false;
    }
    long pages = Arrays.stream(parameterContext.getDeclaringExecutable().getParameterTypes())
        .filter(type -> type == WebPage.class).count();
    if (pages > 1) {
      throw new ParameterResolutionException(parameterContext.getDeclaringExecutable() + " takes " + pages
          + " WebPage parameters, but the class's pages share one browser window (opening one leaves the "
          + "other): take one WebPage and open the pages in turn");
    }
    if (folder == null && registeredOnAField(extensionContext.getRequiredTestClass())) {
      throw new ParameterResolutionException(extensionContext.getRequiredTestClass().getName() + " has both "
          + "@WebPageTest and a @RegisterExtension WebPageExtension: keep one (the builder takes the same settings)");
    }
    return true;
  }

  /**
   * A new {@link WebPage} on the class's shared server and browser.
   *
   * @param parameterContext the parameter
   * @param extensionContext the test's context
   * @return the page
   */
  @Override
  public WebPage resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    ExtensionContext classContext = outermostClassContext(extensionContext);
    SessionSettings settings = settings(extensionContext.getRequiredTestClass());
    // keyed by the settings: a @Nested class with its own folder or flags gets its own server and browser
    WebPageSession session = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(settings,
        key -> new WebPageSession(settings.folder(), settings.configuredBy(), settings.chromiumArguments()),
        WebPageSession.class);
    return new WebPage(session);
  }

  /** What a session serves and how Chromium starts; equal settings share one session. */
  private record SessionSettings(String folder, List<String> chromiumArguments, String configuredBy) {
  }

  private SessionSettings settings(Class<?> testClass) {
    if (folder != null) {
      return new SessionSettings(folder, chromiumArguments,
          "WebPageExtension.builder().folder(\"" + folder + "\")");
    }
    WebPageTest settings = annotation(testClass).orElseThrow(() -> new ParameterResolutionException(
        "WebPageExtension on " + testClass.getName() + " without @WebPageTest: annotate the class with "
        + "@WebPageTest, or register the extension with WebPageExtension.builder()"));
    return new SessionSettings(settings.folder(), List.of(settings.chromiumArguments()),
        "@WebPageTest(folder = \"" + settings.folder() + "\")");
  }

  /** The nearest {@link WebPageTest} on the class, its superclasses, or the classes enclosing it. */
  private static Optional<WebPageTest> annotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<WebPageTest> found = AnnotationSupport.findAnnotation(c, WebPageTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean registeredOnAField(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      List<Field> fields = AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class,
          field -> WebPageExtension.class.isAssignableFrom(field.getType()), HierarchyTraversalMode.TOP_DOWN);
      if (!fields.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The context of the top-level test class: its store closes after the class's (and nested classes') tests. */
  private static ExtensionContext outermostClassContext(ExtensionContext context) {
    ExtensionContext classContext = null;
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      if (c.get().getElement().filter(element -> element instanceof Class).isPresent()) {
        classContext = c.get();
      }
    }
    if (classContext == null) {
      throw new ParameterResolutionException("a WebPage can be injected only into a test class's methods or constructor");
    }
    return classContext;
  }

  /** Settings for a {@link WebPageExtension} registered with {@code @RegisterExtension}. */
  public static final class Builder {
    private String folder = DEFAULT_FOLDER;
    private final List<String> chromiumArguments = new ArrayList<>();

    private Builder() {
    }

    /**
     * The folder to serve, relative to the working directory or absolute. The system property
     * {@value WebPageExtension#FOLDER_PROPERTY} overrides it when set.
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder folder(String folder) {
      Objects.requireNonNull(folder, "folder");
      if (folder.isBlank()) {
        throw new IllegalArgumentException("the folder is blank: give the folder the build writes the page to, "
            + "e.g. \"" + DEFAULT_FOLDER + "\"");
      }
      this.folder = folder;
      return this;
    }

    /**
     * Adds Chromium command-line flags, after the kit's own.
     *
     * @param arguments flags, e.g. {@code --use-fake-ui-for-media-stream}
     * @return this builder
     */
    public Builder chromiumArguments(String... arguments) {
      for (String argument : arguments) {
        chromiumArguments.add(Objects.requireNonNull(argument, "a Chromium argument is null"));
      }
      return this;
    }

    /**
     * The extension, for a static field annotated {@code @RegisterExtension}.
     *
     * @return the extension
     */
    public WebPageExtension build() {
      return new WebPageExtension(folder, chromiumArguments);
    }
  }
}
