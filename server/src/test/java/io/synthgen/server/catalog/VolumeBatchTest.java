package io.synthgen.server.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.engine.TableSource;
import io.synthgen.output.FileEntry;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Landing;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending landed batches to a volume: earlier batches untouched, an existing batch refused or replaced exactly. */
class VolumeBatchTest {

  private static final String C = "demo";
  private static final String S = "iot";
  private static final String BASE = "/Volumes/demo/iot/landing";

  @TempDir
  static Path tmp;
  static Landing.Result batch0;
  static Landing.Result batch1;

  @BeforeAll
  static void land() throws Exception {
    ResolvedPlan plan = Resolver.resolve(Scaling.scale(Templates.load("retail"), 400));
    WriterOptions json = new WriterOptions(Destination.Format.JSONL, Destination.Compression.NONE, 150);
    Path root = tmp.resolve("landing");
    batch0 = Landing.write(plan, TableSource.all(plan), 0, root, Landing.Layout.BATCHES, json, false,
        new Engine(1, 100), Progress.NONE, new Cancellation(), null);
    batch1 = Landing.write(plan, TableSource.all(plan), 1, root, Landing.Layout.BATCHES, json, false,
        new Engine(1, 100), Progress.NONE, new Cancellation(), null);
  }

  private static FakeWorkspace workspace(Path scratch) throws java.io.IOException {
    Files.createDirectories(scratch);
    return new FakeWorkspace(scratch, C);
  }

  @Test
  void batchesGoBesideEachOtherAndTheFirstIsNeverTouched() throws Exception {
    FakeWorkspace ws = workspace(tmp.resolve("ws1"));
    VolumeBatch vb = new VolumeBatch(ws);
    VolumeBatch.Report r0 = vb.append(C, S, "landing", batch0, false, PublishProgress.NONE, new Cancellation());
    assertEquals(files(batch0).size(), r0.sent());
    Map<String, byte[]> first = remote(ws, "batch_0000");
    int changesBefore = ws.changes().size();
    VolumeBatch.Report r1 = vb.append(C, S, "landing", batch1, false, PublishProgress.NONE, new Cancellation());
    assertEquals(files(batch1).size(), r1.sent());
    for (String p : ws.changes().subList(changesBefore, ws.changes().size())) {
      assertTrue(p.contains("batch_0001"), "appending batch 1 only writes batch 1's folders: " + p);
    }
    Map<String, byte[]> after = remote(ws, "batch_0000");
    assertEquals(first.keySet(), after.keySet());
    first.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    for (FileEntry f : files(batch1)) {
      assertArrayEquals(Files.readAllBytes(batch1.root().resolve(f.path())), ws.bytes(BASE + "/" + f.path()));
    }
    assertEquals(List.of(), vb.conflicts(C, S, "landing", batch1), "its own files are no conflict");
  }

  @Test
  void anExistingBatchFolderIsRefusedUnlessReplacedAndAPartialUploadResumes() throws Exception {
    FakeWorkspace ws = workspace(tmp.resolve("ws2"));
    ws.putVolume(C, S, "landing");
    String folder = batch1.tables().get(0).folder();
    ws.putFile(BASE + "/" + folder + "/part-00000-other.json", "{}\n".getBytes());
    VolumeBatch vb = new VolumeBatch(ws);
    assertEquals(List.of(BASE + "/" + folder), vb.conflicts(C, S, "landing", batch1));
    String before = ws.snapshot();
    CatalogException e = assertThrows(CatalogException.class,
        () -> vb.append(C, S, "landing", batch1, false, PublishProgress.NONE, new Cancellation()));
    assertEquals(CatalogException.Kind.CONFLICT, e.kind());
    assertEquals(before, ws.snapshot(), "nothing was changed");
    VolumeBatch.Report r = vb.append(C, S, "landing", batch1, true, PublishProgress.NONE, new Cancellation());
    assertEquals(List.of(BASE + "/" + folder), r.replaced());
    assertTrue(ws.files().stream().noneMatch(f -> f.endsWith("part-00000-other.json")), "exactly the folder's other "
        + "files are gone");
    // an upload that stopped part-way: the files already there are not sent again and are no conflict
    FakeWorkspace ws3 = workspace(tmp.resolve("ws3"));
    ws3.putVolume(C, S, "landing");
    FileEntry one = files(batch1).get(0);
    ws3.putFile(BASE + "/" + one.path(), Files.readAllBytes(batch1.root().resolve(one.path())));
    VolumeBatch vb3 = new VolumeBatch(ws3);
    assertEquals(List.of(), vb3.conflicts(C, S, "landing", batch1));
    VolumeBatch.Report resumed = vb3.append(C, S, "landing", batch1, false, PublishProgress.NONE,
        new Cancellation());
    assertEquals(1, resumed.skipped());
    assertEquals(files(batch1).size() - 1, resumed.sent());
  }

  private static List<FileEntry> files(Landing.Result r) {
    return r.tables().stream().flatMap(t -> t.files().stream()).toList();
  }

  private static Map<String, byte[]> remote(FakeWorkspace ws, String folder) {
    Map<String, byte[]> out = new TreeMap<>();
    for (String f : ws.files()) {
      if (f.contains("/" + folder + "/")) {
        out.put(f, ws.bytes(f));
      }
    }
    return out;
  }
}
