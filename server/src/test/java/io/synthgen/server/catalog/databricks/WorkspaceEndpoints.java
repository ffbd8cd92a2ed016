package io.synthgen.server.catalog.databricks;

import static io.synthgen.server.catalog.databricks.RequestFields.required;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace file tree as job runs need it: {@code /api/2.0/workspace/import} (SOURCE format, PYTHON), {@code
 * get-status}, {@code mkdirs}, {@code delete}, and the signed-in user ({@code /api/2.0/preview/scim/v2/Me}). Folders
 * and notebooks are kept in memory; a path under {@code /Workspace} and the same path without it are one object, as
 * in Databricks.
 */
final class WorkspaceEndpoints {

  static final String PREFIX = "/api/2.0/workspace";
  static final String ME = "/api/2.0/preview/scim/v2/Me";
  static final String USER = "someone@example.com";

  /** A notebook's source, or a folder (source null). */
  private record Entry(long id, String source) {
  }

  private final Map<String, Entry> objects = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong(1000);

  /** The source of the notebook at a path, if there is one. */
  Optional<String> notebook(String path) {
    Entry e = objects.get(normal(path));
    return e == null || e.source() == null ? Optional.empty() : Optional.of(e.source());
  }

  void handleMe(StandInExchange ex) throws IOException {
    var o = StandInExchange.JSON.createObjectNode().put("id", "1").put("userName", USER).put("active", true);
    o.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    ex.sendJson(200, o);
  }

  void handle(StandInExchange ex) throws IOException {
    String op = ex.path().substring(PREFIX.length());
    switch (ex.method() + " " + op) {
      case "GET /get-status" -> status(ex, ex.query("path"));
      case "POST /mkdirs" -> {
        mkdirs(normal(required(ex.json(), "path")));
        ex.sendJson(200, StandInExchange.JSON.createObjectNode());
      }
      case "POST /import" -> importNotebook(ex, ex.json());
      case "POST /delete" -> delete(ex, ex.json());
      default -> throw StandInRouter.noEndpoint(ex);
    }
  }

  private void status(StandInExchange ex, String path) throws IOException {
    if (path == null || path.isEmpty()) {
      throw ApiError.invalid("path is required");
    }
    Entry e = objects.get(normal(path));
    if (e == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "Path (" + path + ") doesn't exist.");
    }
    var o = StandInExchange.JSON.createObjectNode().put("path", path).put("object_id", e.id())
        .put("object_type", e.source() == null ? "DIRECTORY" : "NOTEBOOK");
    if (e.source() != null) {
      o.put("language", "PYTHON");
    }
    ex.sendJson(200, o);
  }

  private synchronized void mkdirs(String path) {
    String p = "";
    for (String part : path.substring(1).split("/")) {
      p = p + "/" + part;
      Entry e = objects.get(p);
      if (e != null && e.source() != null) {
        throw new ApiError(400, "RESOURCE_ALREADY_EXISTS", "Path (" + p + ") already exists and is a notebook.");
      }
      objects.putIfAbsent(p, new Entry(ids.incrementAndGet(), null));
    }
  }

  private synchronized void importNotebook(StandInExchange ex, JsonNode req) throws IOException {
    String path = normal(required(req, "path"));
    if (!"SOURCE".equals(req.path("format").asText("SOURCE")) || !"PYTHON".equals(req.path("language").asText())) {
      throw ApiError.invalid("The stand-in imports only format SOURCE with language PYTHON");
    }
    String parent = path.substring(0, path.lastIndexOf('/'));
    Entry folder = objects.get(parent);
    if (!parent.isEmpty() && (folder == null || folder.source() != null)) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "The parent folder (" + parent + ") does not exist.");
    }
    Entry existing = objects.get(path);
    if (existing != null && (!req.path("overwrite").asBoolean(false) || existing.source() == null)) {
      throw new ApiError(400, "RESOURCE_ALREADY_EXISTS", path + " already exists.");
    }
    String source = new String(Base64.getDecoder().decode(required(req, "content")), StandardCharsets.UTF_8);
    objects.put(path, new Entry(ids.incrementAndGet(), source));
    ex.sendJson(200, StandInExchange.JSON.createObjectNode());
  }

  private synchronized void delete(StandInExchange ex, JsonNode req) throws IOException {
    String path = normal(required(req, "path"));
    if (objects.remove(path) == null) {
      throw ApiError.notFound("RESOURCE_DOES_NOT_EXIST", "Path (" + path + ") doesn't exist.");
    }
    ex.sendJson(200, StandInExchange.JSON.createObjectNode());
  }

  /** {@code /Workspace/Users/x} and {@code /Users/x} are one path. */
  static String normal(String path) {
    if (!path.startsWith("/")) {
      throw ApiError.invalid("Path (" + path + ") must be absolute.");
    }
    return path.startsWith("/Workspace/") ? path.substring("/Workspace".length()) : path;
  }
}
