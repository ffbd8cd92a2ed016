package io.synthgen.server.catalog.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Files API on volume folders: {@code /api/2.0/fs/files/Volumes/...} (PUT upload, HEAD, GET, DELETE) and
 * {@code /api/2.0/fs/directories/Volumes/...} (PUT, HEAD, GET list, DELETE). An upload streams into a temporary file
 * outside the volume and is renamed into place only once the body is complete, so a failed upload leaves nothing.
 */
final class FilesEndpoints {

  static final String FILES = "/api/2.0/fs/files";
  static final String DIRECTORIES = "/api/2.0/fs/directories";

  private static final int PAGE_SIZE = 1000;

  private final UnityCatalog catalog;
  private final StandInFaults faults;
  private final Path uploads;

  FilesEndpoints(UnityCatalog catalog, StandInFaults faults, Path uploads) {
    this.catalog = catalog;
    this.faults = faults;
    this.uploads = uploads;
  }

  void handleFile(StandInExchange ex) throws IOException {
    String path = ex.path().substring(FILES.length());
    Path file = catalog.volumeFile(path);
    switch (ex.method()) {
      case "PUT" -> upload(ex, path, file);
      case "HEAD" -> ex.sendHeaders(Files.size(existingFile(file, path)), "application/octet-stream",
          lastModified(file));
      case "GET" -> ex.sendFile(existingFile(file, path), lastModified(file));
      case "DELETE" -> {
        Files.delete(existingFile(file, path));
        ex.sendEmpty(204);
      }
      default -> throw StandInRouter.noEndpoint(ex);
    }
  }

  void handleDirectory(StandInExchange ex) throws IOException {
    String path = ex.path().substring(DIRECTORIES.length());
    Path dir = catalog.volumeFile(path);
    switch (ex.method()) {
      case "PUT" -> {
        try {
          Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
          throw ApiError.conflict("ALREADY_EXISTS", "A file exists at " + path);
        }
        ex.sendEmpty(204);
      }
      case "HEAD" -> {
        existingDirectory(dir, path);
        ex.sendEmpty(200);
      }
      case "GET" -> ex.sendJson(200, list(existingDirectory(dir, path), ex.query("page_size"), ex.query("page_token")));
      case "DELETE" -> {
        try {
          Files.delete(existingDirectory(dir, path));
        } catch (DirectoryNotEmptyException e) {
          throw new ApiError(400, "BAD_REQUEST", "Directory is not empty: " + path, "FILES_API_DIRECTORY_IS_NOT_EMPTY");
        }
        ex.sendEmpty(204);
      }
      default -> throw StandInRouter.noEndpoint(ex);
    }
  }

  /** overwrite defaults to true, as the API documents; only an explicit false refuses an existing file. */
  private void upload(StandInExchange ex, String path, Path file) throws IOException {
    boolean overwrite = !"false".equalsIgnoreCase(ex.query("overwrite"));
    if (Files.isDirectory(file)) {
      throw ApiError.conflict("ALREADY_EXISTS", "A directory exists at " + path);
    }
    if (!overwrite && Files.exists(file)) {
      throw ApiError.conflict("ALREADY_EXISTS", "The file being created already exists: " + path);
    }
    Files.createDirectories(uploads);
    Path part = Files.createTempFile(uploads, "upload-", ".part");
    try {
      Optional<Long> failAfter = faults.uploadFailure(path);
      // the body stays open: an error answer drains it first, so the client reads the answer, not a reset
      InputStream in = ex.body();
      try (OutputStream out = Files.newOutputStream(part)) {
        in.transferTo(failAfter.isPresent() ? truncating(out, failAfter.get()) : out);
      }
      if (failAfter.isPresent()) {
        throw new ApiError(500, "INTERNAL_ERROR", "Injected failure after " + failAfter.get() + " bytes of " + path);
      }
      Files.createDirectories(file.getParent());
      if (overwrite) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        try {
          // not ATOMIC_MOVE: on Linux an atomic rename replaces an existing file instead of failing
          Files.move(part, file);
        } catch (FileAlreadyExistsException e) {
          throw ApiError.conflict("ALREADY_EXISTS", "The file being created already exists: " + path);
        }
      }
    } finally {
      Files.deleteIfExists(part);
    }
    ex.sendEmpty(204);
  }

  private ObjectNode list(Path dir, String pageSize, String pageToken) throws IOException {
    int size = pageSize == null ? PAGE_SIZE : Math.min(PAGE_SIZE, Math.max(1, Integer.parseInt(pageSize)));
    int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    }
    ObjectNode body = StandInExchange.JSON.createObjectNode();
    ArrayNode contents = body.putArray("contents");
    for (Path p : entries.subList(Math.min(from, entries.size()), Math.min(from + size, entries.size()))) {
      boolean isDir = Files.isDirectory(p);
      ObjectNode e = contents.addObject()
          .put("path", catalog.volumePath(p) + (isDir ? "/" : ""))
          .put("is_directory", isDir)
          .put("name", p.getFileName().toString());
      if (!isDir) {
        e.put("file_size", Files.size(p)).put("last_modified", Files.getLastModifiedTime(p).toMillis());
      }
    }
    if (from + size < entries.size()) {
      body.put("next_page_token", Integer.toString(from + size));
    }
    return body;
  }

  private static Path existingFile(Path file, String path) {
    if (!Files.isRegularFile(file)) {
      throw ApiError.notFound("NOT_FOUND", "The file being accessed is not found: " + path);
    }
    return file;
  }

  private static Path existingDirectory(Path dir, String path) {
    if (!Files.isDirectory(dir)) {
      throw ApiError.notFound("NOT_FOUND", "The directory being accessed is not found: " + path);
    }
    return dir;
  }

  private static String lastModified(Path file) throws IOException {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC));
  }

  /** Writes the first {@code max} bytes and drops the rest: the partial file an upload broken there leaves. */
  private static OutputStream truncating(OutputStream out, long max) {
    return new OutputStream() {
      private long written;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        int n = (int) Math.max(0, Math.min(len, max - written));
        out.write(b, off, n);
        written += n;
      }
    };
  }
}
