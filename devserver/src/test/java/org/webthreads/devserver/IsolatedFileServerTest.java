package org.webthreads.devserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over real HTTP: the isolation headers on every response (files, 404s, the favicon), none
 * under /no-isolation/, content types, 404 for a missing file, 204 for a missing favicon, and no file
 * outside the folder served however the path is spelt; a folder without its slash is redirected to
 * it; a file larger than the heap is streamed.
 */
class IsolatedFileServerTest {
  @TempDir
  static Path outside;
  private static Path folder;
  private static IsolatedFileServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    folder = Files.createDirectories(outside.resolve("site"));
    Files.writeString(folder.resolve("index.html"), "<title>home</title>");
    Files.writeString(folder.resolve("app.js"), "console.log(1);");
    Files.write(folder.resolve("program.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    Files.writeString(folder.resolve("style.css"), "body {}");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("sub/index.html"), "<title>sub</title>");
    Files.writeString(outside.resolve("secret.txt"), "not for the browser");
    server = new IsolatedFileServer(folder, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertIsolated(HttpResponse<?> response) {
    assertEquals(Optional.of("same-origin"), response.headers().firstValue("Cross-Origin-Opener-Policy"),
        response.uri().toString());
    assertEquals(Optional.of("require-corp"), response.headers().firstValue("Cross-Origin-Embedder-Policy"),
        response.uri().toString());
  }

  @Test
  void everyResponseCarriesTheIsolationHeaders() throws Exception {
    for (String path : new String[] {"/", "/index.html", "/app.js", "/program.wasm", "/sub/", "/missing.js",
        "/favicon.ico"}) {
      assertIsolated(get(path));
    }
  }

  /** {@code curl -I}: the headers and the length a GET would have, no body. */
  @Test
  void aHeadRequestGetsTheHeadersAndLengthWithoutABody() throws Exception {
    HttpResponse<byte[]> head = CLIENT.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/app.js"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertIsolated(head);
    assertEquals(Optional.of(Long.toString("console.log(1);".length())),
        head.headers().firstValue("Content-Length"));
    assertEquals(0, head.body().length);
  }

  @Test
  void noIsolationPrefixServesTheSameFilesWithoutTheHeaders() throws Exception {
    HttpResponse<byte[]> response = get("/no-isolation/index.html");
    assertEquals(200, response.statusCode());
    assertEquals("<title>home</title>", new String(response.body(), StandardCharsets.UTF_8));
    assertFalse(response.headers().firstValue("Cross-Origin-Opener-Policy").isPresent());
    assertFalse(response.headers().firstValue("Cross-Origin-Embedder-Policy").isPresent());
    assertEquals(404, get("/no-isolation/missing.js").statusCode());
  }

  @Test
  void contentTypesFollowTheExtension() throws Exception {
    assertEquals("text/html; charset=utf-8", contentType("/"));
    assertEquals("text/html; charset=utf-8", contentType("/sub/"));
    assertEquals("text/javascript; charset=utf-8", contentType("/app.js"));
    assertEquals("application/wasm", contentType("/program.wasm"));
    assertEquals("text/css; charset=utf-8", contentType("/style.css"));
    // the static helper for the rest (a page's images, audio files, fonts)
    assertEquals("audio/wav", IsolatedFileServer.contentType("take.wav"));
    assertEquals("image/jpeg", IsolatedFileServer.contentType("photo.JPG"));
    assertEquals("font/woff2", IsolatedFileServer.contentType("font.woff2"));
    assertEquals("application/octet-stream", IsolatedFileServer.contentType("data.bin"));
    HttpResponse<byte[]> wasm = get("/program.wasm");
    assertArrayEquals(Files.readAllBytes(folder.resolve("program.wasm")), wasm.body());
  }

  private static String contentType(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertEquals(200, response.statusCode(), path);
    return response.headers().firstValue("Content-Type").orElse("(none)");
  }

  @Test
  void aMissingFileIs404() throws Exception {
    HttpResponse<byte[]> response = get("/missing.js");
    assertEquals(404, response.statusCode());
    assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("/missing.js"));
    assertEquals(404, get("/sub/missing/").statusCode(), "a missing folder");
    assertEquals(404, get("/sub/favicon.ico").statusCode(), "only the origin's icon is answered");
  }

  @Test
  void aMissingFaviconIs204AndARealOneIsServed() throws Exception {
    HttpResponse<byte[]> none = get("/favicon.ico");
    assertEquals(204, none.statusCode());
    assertEquals(0, none.body().length);
    assertEquals(204, get("/no-isolation/favicon.ico").statusCode());

    Path icon = folder.resolve("favicon.ico");
    Files.write(icon, new byte[] {0, 0, 1, 0});
    try {
      HttpResponse<byte[]> real = get("/favicon.ico");
      assertEquals(200, real.statusCode());
      assertArrayEquals(new byte[] {0, 0, 1, 0}, real.body());
    } finally {
      Files.delete(icon);
    }
  }

  /**
   * The paths go over a raw socket, so that they reach the server exactly as a hostile client spells
   * them: plain, percent-encoded, and under the no-isolation prefix.
   */
  @Test
  void aPathEscapingTheFolderIsRefused() throws Exception {
    for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/sub/../../secret.txt", "/no-isolation/../secret.txt", "/no-isolation/%2e%2e/secret.txt"}) {
      String response = rawGet(path);
      assertTrue(response.startsWith("HTTP/1.1 404"), path + " -> " + response);
      assertFalse(response.contains("not for the browser"), path + " -> " + response);
    }
    assertTrue(rawGet("/index%00.html").startsWith("HTTP/1.1 404"), "a name the file system refuses");
    assertTrue(rawGet("/sub/../index.html").startsWith("HTTP/1.1 200"), "a dot segment inside the folder is fine");
  }

  private static String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A folder named without its slash: its page's relative URLs need the slash, so the browser is sent there. */
  @Test
  void aFolderWithoutItsSlashIsRedirectedToIt() throws Exception {
    String response = rawGet("/sub?workers=2");
    assertTrue(response.startsWith("HTTP/1.1 301"), response);
    assertTrue(response.contains("\r\nLocation: /sub/?workers=2\r\n"), response);
    String withoutIsolation = rawGet("/no-isolation/sub");
    assertTrue(withoutIsolation.contains("\r\nLocation: /no-isolation/sub/\r\n"), withoutIsolation);
    HttpResponse<byte[]> followed = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sub")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("<title>sub</title>", new String(followed.body(), StandardCharsets.UTF_8));
    assertTrue(rawGet("/..").startsWith("HTTP/1.1 404"), "the folder's parent is not redirected to");
  }

  @Test
  void anEmptyFileIsServedEmpty() throws Exception {
    Files.write(folder.resolve("empty.txt"), new byte[0]);
    HttpResponse<byte[]> response = get("/empty.txt");
    assertEquals(200, response.statusCode());
    assertEquals(0, response.body().length);
  }

  /**
   * A file larger than the server's whole heap is streamed, not read into memory: a server started with
   * a 32 MiB heap sends a 96 MiB file (read whole, it failed with an OutOfMemoryError and the client
   * got no answer).
   */
  @Test
  void aFileLargerThanTheHeapIsStreamed(@TempDir Path site) throws Exception {
    long size = 96L << 20;
    try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(site.resolve("big.bin").toFile(), "rw")) {
      big.setLength(size);
    }
    String classes = Path.of(IsolatedFileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-cp", classes, IsolatedFileServer.class.getName(), site.toString(), "0", "big.bin")
        .redirectErrorStream(true).start();
    try {
      java.io.BufferedReader lines = new java.io.BufferedReader(
          new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      while (url == null) {
        String line = lines.readLine();
        assertTrue(line != null, "the server ended without printing its URL");
        url = line.startsWith("open ") ? line.substring("open ".length()) : null;
      }
      assertTrue(url != null, "the server printed no URL");
      HttpResponse<java.io.InputStream> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(java.time.Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, response.statusCode());
      long received = 0;
      try (java.io.InputStream body = response.body()) {
        byte[] buffer = new byte[1 << 16];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
          received += n;
        }
      }
      assertEquals(size, received);
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  @Test
  void aMissingFolderIsAClearError(@TempDir Path empty) {
    IOException e = assertThrows(IOException.class, () -> new IsolatedFileServer(empty.resolve("webapp"), 0));
    assertTrue(e.getMessage().contains(empty.resolve("webapp").toString()), e.getMessage());
  }
}
