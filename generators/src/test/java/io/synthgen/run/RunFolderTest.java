package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol: every state a kill can leave between the steps of a commit is repaired to exactly one complete
 * run, and the folders of live runs are never touched.
 */
class RunFolderTest {

  private static final String ID = "0123456789ab";

  @TempDir
  Path root;

  @TempDir
  Path build;

  private Path out;
  private Map<String, String> runA;
  private Map<String, String> runB;
  private Path sourceA;
  private Path sourceB;

  @BeforeEach
  void twoRuns() throws Exception {
    assertFalse(build.equals(root));
    sourceA = build.resolve("a");
    sourceB = build.resolve("b");
    run(sourceA, 42);
    run(sourceB, 7);
    runA = snapshot(sourceA);
    runB = snapshot(sourceB);
    out = root.resolve("out");
  }

  private static void run(Path dir, long seed) throws IOException {
    Runs.generate(Plans.resolve(Plans.template("retail", 50).withSeed(seed)), dir, WriterOptions.parquetZstd(),
        new Engine(1, 1000), Progress.NONE, new Cancellation());
  }

  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return m;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private List<String> rootEntries() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path sibling(String kind) {
    return root.resolve(".synthgen-out." + kind + "-" + ID);
  }

  @Test
  void killedBeforeTheOldFolderMovedKeepsTheOldRun() throws Exception {
    copy(sourceA, out);
    copy(sourceB, sibling("new")); // sealed, but the point of no return was not reached
    List<String> done = Runs.recover(out);
    assertEquals(1, done.size(), done.toString());
    assertEquals(runA, snapshot(out));
    assertEquals(List.of("out"), rootEntries());
  }

  @Test
  void killedBetweenTheTwoRenamesFinishesTheNewRun() throws Exception {
    copy(sourceA, sibling("old"));
    copy(sourceB, sibling("new"));
    assertFalse(Files.exists(out));
    List<String> done = Runs.recover(out);
    assertTrue(done.get(0).contains("finished the interrupted commit"), done.toString());
    assertEquals(runB, snapshot(out));
    assertEquals(List.of("out"), rootEntries());
  }

  @Test
  void aReaderOfAFolderLeftBetweenTheRenamesSeesTheNewRun() throws Exception {
    copy(sourceA, sibling("old"));
    copy(sourceB, sibling("new"));
    RunManifest m = RunManifest.read(out).orElseThrow();
    assertEquals(RunManifest.read(sourceB).orElseThrow().planHash(), m.planHash());
    assertTrue(m.filesPresent());
    assertEquals(List.of("out"), rootEntries());
  }

  @Test
  void aReadOnlyLookAtAFolderWithoutLeftoversCreatesNothing() throws Exception {
    assertEquals(List.of(), Runs.recover(out));
    assertTrue(RunManifest.read(out).isEmpty());
    assertEquals(List.of(), rootEntries(), "no lock file was made to look");
  }

  @Test
  void killedWhileDeletingTheOldFolderKeepsTheNewRun() throws Exception {
    copy(sourceB, out);
    copy(sourceA, sibling("old"));
    Files.delete(sibling("old").resolve("manifest.json"));
    Files.delete(sibling("old").resolve("customers.parquet"));
    Runs.recover(out);
    assertEquals(runB, snapshot(out));
    assertEquals(List.of("out"), rootEntries());
  }

  @Test
  void aFirstRunKilledBeforeItsRenameLeavesNothing() throws Exception {
    copy(sourceB, sibling("new"));
    Runs.recover(out);
    assertEquals(List.of(), rootEntries(), "there was no run before, and the new one never reached its name");
  }

  @Test
  void anUnsealedNewFolderNeverReplacesTheOldRun() throws Exception {
    copy(sourceA, sibling("old"));
    copy(sourceB, sibling("new"));
    Files.delete(sibling("new").resolve("manifest.json"));
    Runs.recover(out);
    assertEquals(runA, snapshot(out));
    assertEquals(List.of("out"), rootEntries());
  }

  @Test
  void aLiveRunsFolderIsNeitherRepairedNorReplaced() throws Exception {
    copy(sourceA, sibling("old"));
    copy(sourceB, sibling("new"));
    RunFolder folder = RunFolder.of(out);
    FolderLock.Attempt held = FolderLock.tryAcquire(folder.lockFile());
    try (FolderLock lock = held.lock().orElseThrow()) {
      assertEquals(List.of(), Runs.recover(out), "a live owner's folders are left alone: " + lock);
      assertTrue(Files.isDirectory(sibling("old")) && Files.isDirectory(sibling("new")));
      IOException e = assertThrows(IOException.class, () -> run(out, 1));
      assertTrue(e.getMessage().contains("another synthgen run (process " + ProcessHandle.current().pid() + ")"),
          e.getMessage());
      // a run into another folder of the same root skips the live folder's siblings
      run(root.resolve("other"), 3);
      assertTrue(Files.isDirectory(sibling("old")) && Files.isDirectory(sibling("new")));
    }
    run(root.resolve("other"), 3);
    assertEquals(runB, snapshot(out), "the next run into the root finished the dead run's commit");
    assertEquals(List.of("other", "out"), rootEntries(), "and removed its lock file");
  }

  @Test
  void staleStagingOfAKilledRunIsRemovedByTheNextRunIntoTheSameRoot() throws Exception {
    copy(sourceB, root.resolve(".synthgen-gone.new-" + ID));
    Files.delete(root.resolve(".synthgen-gone.new-" + ID).resolve("manifest.json"));
    Files.writeString(root.resolve(".synthgen-gone.lock"), "99999999 dead\n");
    Files.writeString(root.resolve(".synthgen-notes.txt"), "not one of ours: wrong shape of name");
    run(out, 1);
    assertEquals(List.of(".synthgen-notes.txt", "out"), rootEntries());
  }
}
