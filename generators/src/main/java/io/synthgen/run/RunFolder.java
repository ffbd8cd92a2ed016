package io.synthgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One output folder and its commit protocol (documented in docs/output.md). A run is written complete, manifest
 * last, into a sibling {@code .synthgen-<name>.new-<id>}; committing renames the current folder to
 * {@code .synthgen-<name>.old-<id>}, renames the new one into place and deletes the old. The rename of the current
 * folder is the point of no return: every state a kill can leave maps to exactly one complete run, and
 * {@link #recover} restores it:
 * <ul>
 *   <li>the folder exists: it is the run; every leftover {@code new}/{@code old} sibling is deleted;</li>
 *   <li>the folder is missing and {@code old-<id>} exists: the commit of {@code new-<id>} had passed the point of no
 *       return, and its new folder is sealed (has its manifest): it is renamed into place, then the old deleted;</li>
 *   <li>the folder is missing and no {@code old} exists: there was no previous run; a leftover {@code new} that never
 *       reached its final name is deleted.</li>
 * </ul>
 * All of this runs under the folder's {@link FolderLock}, so a live run's siblings are never touched.
 */
final class RunFolder {

  static final String PREFIX = ".synthgen-";
  /** Random hex digits of a run id in sibling names. */
  static final int ID_HEX_DIGITS = 12;
  private static final Pattern SIBLING = Pattern.compile(Pattern.quote(PREFIX) + "(.+)\\.(new|old)-([0-9a-f]{"
      + ID_HEX_DIGITS + "})");
  private static final Pattern LOCK = Pattern.compile(Pattern.quote(PREFIX) + "(.+)\\.lock");
  /** Names an earlier synthgen left inside a run folder (staging inside the folder, temporary names). */
  private static final Pattern OWN_LEFTOVER = Pattern.compile("\\.synthgen-staging-.*|\\.(manifest|plan)\\.json\\.tmp");
  /** Entries named in an error when a folder holds files that are not a run. */
  private static final int NAMES_SHOWN = 5;

  final Path out;
  final Path parent;
  final String name;

  private RunFolder(Path out) {
    this.out = out;
    this.parent = out.getParent();
    this.name = out.getFileName().toString();
  }

  /** The folder at {@code out} (a symbolic link is followed, so the folder it points to is the one replaced). */
  static RunFolder of(Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(abs)) {
      abs = abs.toRealPath();
    }
    if (abs.getParent() == null || abs.getFileName() == null) {
      throw new OutputFolderException(OutputFolderException.Kind.NOT_REPLACEABLE, "cannot write a run to " + out
          + ": a run replaces its folder, so the folder must have a parent; choose a folder below it, such as "
          + abs.resolve("output"));
    }
    return new RunFolder(abs);
  }

  Path lockFile() {
    return parent.resolve(PREFIX + name + ".lock");
  }

  Path newDir(String id) {
    return parent.resolve(PREFIX + name + ".new-" + id);
  }

  Path oldDir(String id) {
    return parent.resolve(PREFIX + name + ".old-" + id);
  }

  /**
   * Checks that a commit may replace the folder: it is missing, empty, or holds a synthgen run and nothing else
   * (files of the person beside a run would be deleted with it).
   */
  void checkReplaceable() throws IOException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new OutputFolderException(OutputFolderException.Kind.NOT_REPLACEABLE, "cannot write to " + out
          + ": it is a file, not a folder; choose another output folder");
    }
    List<String> entries;
    try (Stream<Path> s = Files.list(out)) {
      entries = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    if (entries.isEmpty()) {
      return;
    }
    Set<String> allowed = new TreeSet<>(List.of(Manifest.FILE, Manifest.PLAN_FILE));
    Path manifest = out.resolve(Manifest.FILE);
    boolean isRun = false;
    if (Files.isRegularFile(manifest)) {
      try {
        JsonNode root = Manifest.JSON.readTree(manifest.toFile());
        isRun = root.path("synthgen_manifest").asInt() == 1;
        for (JsonNode t : root.path("tables")) {
          for (JsonNode f : t.path("files")) {
            String p = f.path("path").asText();
            allowed.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : p);
          }
        }
      } catch (IOException e) {
        isRun = false;
      }
    }
    List<String> foreign = new ArrayList<>();
    for (String e : entries) {
      if (!allowed.contains(e) && !OWN_LEFTOVER.matcher(e).matches()) {
        foreign.add(e);
      }
    }
    List<String> listed = isRun ? foreign : entries;
    if (!isRun || !foreign.isEmpty()) {
      List<String> shown = listed.subList(0, Math.min(NAMES_SHOWN, listed.size()));
      int more = listed.size() - shown.size();
      throw new OutputFolderException(OutputFolderException.Kind.NOT_REPLACEABLE, "cannot write a run to " + out
          + ": it holds "
          + (isRun ? "files that are not part of the run there (" : "files but no synthgen run (")
          + String.join(", ", shown) + (more > 0 ? ", and " + more + " more" : "") + "), and a run replaces the "
          + "whole folder; choose an empty or new output folder, or move those files away");
    }
  }

  /**
   * Moves a sealed run (written complete, manifest last, into {@code staged = newDir(id)}) into place. The caller
   * holds the lock and has synced the staged files.
   */
  void commit(Path staged, String id) throws IOException {
    Path old = oldDir(id);
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      checkReplaceable();
      Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
      syncDir(parent);
      Faults.point("commit", 4);
      try {
        Files.move(staged, out, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        try {
          Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException restore) {
          e.addSuppressed(restore); // the folders stay as they are; recover() finishes the commit next time
        }
        throw e;
      }
      syncDir(parent);
      Faults.point("commit", 5);
      // the old manifest first, so a half-deleted old folder never looks like a run
      Files.deleteIfExists(old.resolve(Manifest.FILE));
      Faults.point("commit", 6);
      deleteRecursively(old);
      Faults.point("commit", 7);
    } else {
      Files.move(staged, out, StandardCopyOption.ATOMIC_MOVE);
      syncDir(parent);
      Faults.point("commit", 5);
    }
  }

  /**
   * Repairs what a killed run left for this folder (see the class comment); the caller holds the lock. Returns what
   * was done, or empty when there was nothing to repair.
   */
  Optional<String> recover() throws IOException {
    List<Path> news = new ArrayList<>();
    List<Path> olds = new ArrayList<>();
    for (Path p : siblings(parent)) {
      Matcher m = SIBLING.matcher(p.getFileName().toString());
      if (m.matches() && m.group(1).equals(name)) {
        (m.group(2).equals("new") ? news : olds).add(p);
      }
    }
    if (news.isEmpty() && olds.isEmpty()) {
      return Optional.empty();
    }
    String done = null;
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      for (Path old : olds) {
        String id = old.getFileName().toString().substring(old.getFileName().toString().length() - ID_HEX_DIGITS);
        Path staged = newDir(id);
        if (Files.isRegularFile(staged.resolve(Manifest.FILE))) {
          Files.move(staged, out, StandardCopyOption.ATOMIC_MOVE);
          done = "finished the interrupted commit of run " + id + " into " + out;
          break;
        }
      }
      if (done == null && !olds.isEmpty()) {
        Files.move(olds.get(0), out, StandardCopyOption.ATOMIC_MOVE);
        done = "restored the previous run of " + out + " from " + olds.get(0).getFileName();
      }
      syncDir(parent);
    }
    int removed = 0;
    for (Path p : news) {
      removed += deleteRecursively(p) ? 1 : 0;
    }
    for (Path p : olds) {
      removed += deleteRecursively(p) ? 1 : 0;
    }
    String cleaned = removed == 0 ? null : "removed " + removed + " leftover folder" + (removed == 1 ? "" : "s")
        + " of killed runs beside " + out;
    return Optional.of(done == null ? cleaned : cleaned == null ? done : done + "; " + cleaned);
  }

  /**
   * Repairs the leftovers of other folders in {@code parent} whose runs are no longer alive (their lock is free), so
   * staging folders of killed runs do not pile up in a shared output root. Folders with a live run are skipped.
   */
  static List<String> sweep(Path parent, String except) throws IOException {
    TreeMap<String, Boolean> names = new TreeMap<>();
    for (Path p : siblings(parent)) {
      String f = p.getFileName().toString();
      Matcher s = SIBLING.matcher(f);
      Matcher l = LOCK.matcher(f);
      if (s.matches()) {
        names.put(s.group(1), true);
      } else if (l.matches()) {
        names.put(l.group(1), true);
      }
    }
    names.remove(except);
    List<String> done = new ArrayList<>();
    for (String n : names.keySet()) {
      RunFolder other = new RunFolder(parent.resolve(n));
      try {
        FolderLock.Attempt a = FolderLock.tryAcquire(other.lockFile());
        if (a.lock().isPresent()) {
          FolderLock held = a.lock().get();
          try {
            other.recover().ifPresent(done::add);
          } finally {
            held.close();
          }
        }
      } catch (IOException e) {
        // another folder's leftovers are not this run's business to fail over; they are tried again next time
        done.add("could not clean up after a killed run into " + other.out + ": " + e.getMessage());
      }
    }
    return done;
  }

  /** Whether {@code parent} holds any sibling or lock file of synthgen's commit protocol. */
  static boolean hasLeftovers(Path parent) throws IOException {
    for (Path p : siblings(parent)) {
      String f = p.getFileName().toString();
      if (SIBLING.matcher(f).matches() || LOCK.matcher(f).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> siblings(Path parent) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, PREFIX + "*")) {
      ds.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** Flushes a file's or folder's content to disk; folders only where the platform supports it. */
  static void sync(Path p, boolean folder) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!folder) {
        throw e;
      }
      // some platforms cannot open a folder for syncing; its entries are then as durable as the platform makes them
    }
  }

  static void syncDir(Path dir) throws IOException {
    sync(dir, true);
  }

  /** Syncs every file and folder under {@code root}, then {@code root} itself. */
  static void syncTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        sync(file, false);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        sync(dir, true);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes a file or folder tree; returns whether there was anything. Entries already gone are skipped. */
  static boolean deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        if (exc instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw exc;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null && !(exc instanceof NoSuchFileException)) {
          throw exc;
        }
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
    return true;
  }
}
