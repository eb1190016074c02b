package org.webthreads.devserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A static file server for webthreads pages (JVM side, not compiled to wasm). It sends the two
 * cross-origin isolation headers on every response, which SharedArrayBuffer and shared wasm memory
 * need, and the right content types (application/wasm included). Paths under {@code /no-isolation/}
 * are served from the same folder without those headers, so tests can show the error a page gets
 * without them. A request for {@code /favicon.ico} when the folder has none is answered 204 No Content,
 * so that a page without an icon logs no error in the browser's console; any other missing file is a
 * 404. A folder named without its trailing slash is redirected (301) to the name with it, whose
 * {@code index.html} is served; files are streamed, so a large one is never held in memory.
 *
 * <p>For development on this machine only: it listens on 127.0.0.1, and a path never leaves the
 * folder, but symbolic links inside the folder are followed wherever they point: serve only a folder
 * you would publish.
 *
 * <p>Command line: {@code java -cp ... org.webthreads.devserver.IsolatedFileServer <folder> [port]
 * [page]} serves until killed and prints the URL.
 */
public final class IsolatedFileServer implements AutoCloseable {
  /** The path prefix under which the folder is served without the two isolation headers. */
  public static final String NO_ISOLATION_PREFIX = "/no-isolation/";
  /** The icon browsers ask every origin for; answered 204 No Content when the folder has none. */
  static final String FAVICON = "/favicon.ico";
  private final HttpServer server;
  private final Path root;

  /**
   * Starts serving {@code root} on the loopback address.
   *
   * @param root the folder to serve (it must exist)
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @throws IOException if the folder does not exist or the port cannot be bound
   */
  public IsolatedFileServer(Path root, int port) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw new IOException("no folder to serve at " + this.root + ": build it first");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "isolated-file-server");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /**
   * The port this server listens on.
   *
   * @return the port (the one chosen by the system when 0 was asked for)
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The URL of a file of the folder on this server.
   *
   * @param path the file's path relative to the folder, e.g. {@code index.html?workers=2}
   * @return its URL, {@code http://127.0.0.1:<port>/<path>}
   */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + "/" + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Headers headers = exchange.getResponseHeaders();
      if (path.startsWith(NO_ISOLATION_PREFIX)) {
        path = path.substring(NO_ISOLATION_PREFIX.length() - 1);
      } else {
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Embedder-Policy", "require-corp");
      }
      headers.set("Cache-Control", "no-store");
      if (path.endsWith("/")) {
        path += "index.html";
      } else if (isFolder(path)) {
        // a folder named without its trailing slash: the browser must ask again with it, or the page's
        // relative URLs (webthreads.js, the wasm) would resolve against the folder's parent
        String query = exchange.getRequestURI().getRawQuery();
        headers.set("Location", exchange.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
        exchange.sendResponseHeaders(301, -1);
        return;
      }
      Path file = resolve(path);
      if (file == null || !Files.isRegularFile(file)) {
        if (path.equals(FAVICON)) {
          exchange.sendResponseHeaders(204, -1);
          return;
        }
        headers.set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, 404, ("not found: " + path).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      headers.set("Content-Type", contentType(file.getFileName().toString()));
      send(exchange, file);
    }
  }

  private boolean isFolder(String path) {
    Path file = resolve(path);
    return file != null && Files.isDirectory(file);
  }

  /**
   * Sends a file, streamed: a large file (a video, a model) is never held in memory whole, so several
   * requests for it at once do not exhaust the heap; to a HEAD request only its headers.
   */
  private static void send(HttpExchange exchange, Path file) throws IOException {
    long length = Files.size(file);
    if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    // 0 means "chunked" to the JDK server: an empty file is sent with no body instead
    exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
    if (length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    }
  }

  /** Sends a response; to a HEAD request (curl -I) only its headers, with the length the body has. */
  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The file {@code path} names inside the folder, or null if it names none (outside it, or not a path). */
  private Path resolve(String path) {
    try {
      Path file = root.resolve(path.substring(1)).normalize();
      return file.startsWith(root) ? file : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    switch (dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)) {
      case "wasm": return "application/wasm";
      case "js": case "mjs": return "text/javascript; charset=utf-8";
      case "html": return "text/html; charset=utf-8";
      case "css": return "text/css; charset=utf-8";
      case "json": case "map": return "application/json";
      case "png": return "image/png";
      case "svg": return "image/svg+xml";
      case "jpg": case "jpeg": return "image/jpeg";
      case "gif": return "image/gif";
      case "webp": return "image/webp";
      case "ico": return "image/x-icon";
      case "wav": return "audio/wav";
      case "mp3": return "audio/mpeg";
      case "ogg": return "audio/ogg";
      case "flac": return "audio/flac";
      case "mp4": return "video/mp4";
      case "webm": return "video/webm";
      case "woff": return "font/woff";
      case "woff2": return "font/woff2";
      case "txt": return "text/plain; charset=utf-8";
      default: return "application/octet-stream";
    }
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * Serves a folder until the process is killed and prints its URL.
   *
   * @param args the folder, then optionally the port (default 8080) and the page whose URL to print
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: IsolatedFileServer <folder> [port] [page]");
      System.exit(2);
    }
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
    IsolatedFileServer server = new IsolatedFileServer(Path.of(args[0]), port);
    String page = args.length > 2 ? args[2] : "";
    System.out.println("serving " + server.root + " with cross-origin isolation headers");
    System.out.println("open " + server.url(page));
    Thread.currentThread().join();
  }
}
