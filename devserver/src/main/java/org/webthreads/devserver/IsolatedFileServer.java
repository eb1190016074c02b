package org.webthreads.devserver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A static file server for webthreads pages (JVM side, not compiled to wasm). It sends the two
 * cross-origin isolation headers on every response, which SharedArrayBuffer and shared wasm memory
 * need, and the right content types (application/wasm included). Paths under {@code /no-isolation/}
 * are served from the same folder without those headers, so tests can show the error a page gets
 * without them.
 *
 * <p>Command line: {@code java -cp ... org.webthreads.devserver.IsolatedFileServer <folder> [port]
 * [page]} serves until killed and prints the URL.
 */
public final class IsolatedFileServer implements AutoCloseable {
  public static final String NO_ISOLATION_PREFIX = "/no-isolation/";
  private final HttpServer server;
  private final Path root;

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

  public int port() {
    return server.getAddress().getPort();
  }

  /** URL of {@code path} (relative to the folder) on this server. */
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
      }
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        byte[] body = ("not found: " + path).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        headers.set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        return;
      }
      headers.set("Content-Type", contentType(file.getFileName().toString()));
      byte[] body = Files.readAllBytes(file);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    switch (dot < 0 ? "" : name.substring(dot + 1)) {
      case "wasm": return "application/wasm";
      case "js": case "mjs": return "text/javascript; charset=utf-8";
      case "html": return "text/html; charset=utf-8";
      case "css": return "text/css; charset=utf-8";
      case "json": case "map": return "application/json";
      case "png": return "image/png";
      case "svg": return "image/svg+xml";
      case "txt": return "text/plain; charset=utf-8";
      default: return "application/octet-stream";
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

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
