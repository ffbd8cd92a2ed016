package io.synthgen.server.catalog;

import io.synthgen.server.catalog.CatalogException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The files of {@link FakeWorkspace}'s volumes, as the Files API keeps them: writing a file creates its folders, a
 * folder is removed only when empty. Each file's bytes are also written to a local copy that DuckDB can read. Not
 * thread-safe: the workspace holds its lock.
 */
final class FakeFiles {

  private record Stored(byte[] bytes, Path copy) {
  }

  private final Path scratch;
  private final Map<String, Stored> files = new TreeMap<>();
  private final Set<String> dirs = new TreeSet<>();
  private int copies;

  FakeFiles(Path scratch) {
    this.scratch = scratch;
  }

  static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }

  /** Stores a file of a volume; its folders below the volume root appear with it. */
  void put(String path, byte[] bytes) {
    String root = String.join("/", Arrays.copyOf(path.split("/"), 5));
    for (String d = parent(path); d.length() > root.length(); d = parent(d)) {
      dirs.add(d);
    }
    try {
      Path copy = Files.write(scratch.resolve("file-" + ++copies), bytes);
      files.put(path, new Stored(bytes.clone(), copy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean exists(String path) {
    return files.containsKey(path);
  }

  long size(String path) {
    Stored f = files.get(path);
    return f == null ? -1 : f.bytes().length;
  }

  byte[] bytes(String path) {
    return files.get(path).bytes().clone();
  }

  List<RemoteFile> list(String dir) {
    List<RemoteFile> out = new ArrayList<>();
    dirs.stream().filter(d -> parent(d).equals(dir)).forEach(d -> out.add(new RemoteFile(d, true, 0)));
    files.forEach((p, f) -> {
      if (parent(p).equals(dir)) {
        out.add(new RemoteFile(p, false, f.bytes().length));
      }
    });
    return out;
  }

  void delete(String path) {
    if (files.remove(path) == null) {
      throw FakeWorkspace.error(Kind.NOT_FOUND, path + " does not exist");
    }
  }

  void deleteDirectory(String path) {
    if (!dirs.contains(path)) {
      throw FakeWorkspace.error(Kind.NOT_FOUND, "the folder " + path + " does not exist");
    }
    if (!list(path).isEmpty()) {
      throw FakeWorkspace.error(Kind.CONFLICT, "the folder " + path + " is not empty");
    }
    dirs.remove(path);
  }

  /** The local copies of the files directly in {@code dir} whose names do not start with '_' or '.'. */
  Map<String, Path> copiesIn(String dir) {
    Map<String, Path> out = new TreeMap<>();
    files.forEach((p, f) -> {
      String name = p.substring(p.lastIndexOf('/') + 1);
      if (parent(p).equals(dir) && !name.startsWith("_") && !name.startsWith(".")) {
        out.put(p, f.copy());
      }
    });
    return out;
  }

  Set<String> paths() {
    return new TreeSet<>(files.keySet());
  }

  Set<String> dirs() {
    return new TreeSet<>(dirs);
  }

  @Override
  public String toString() {
    return "dirs " + dirs + "\nfiles " + files.entrySet().stream().map(e -> e.getKey() + ":"
        + Arrays.hashCode(e.getValue().bytes())).collect(Collectors.joining(", "));
  }
}
