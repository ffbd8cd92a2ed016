package io.synthgen.server.catalog;

import static io.synthgen.server.catalog.PublishFixture.C;
import static io.synthgen.server.catalog.PublishFixture.LANDING;
import static io.synthgen.server.catalog.PublishFixture.S;
import static io.synthgen.server.catalog.PublishFixture.files;
import static io.synthgen.server.catalog.PublisherTest.firstIndex;
import static io.synthgen.server.catalog.PublisherTest.lastIndex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.plan.Column;
import io.synthgen.plan.Table;
import io.synthgen.server.catalog.PublishRequest.FileFormat;
import io.synthgen.server.catalog.PublishRequest.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Landing a run's files in a volume for ingestion pipelines: no warehouse, no statements. */
class PublisherFilesTest {

  private static final String OLD = LANDING + "/customers/retail-000000000000-customers.parquet";

  @TempDir
  static Path runs;
  static PublishSource parquet;
  static PublishSource csv;

  @TempDir
  Path dir;
  PublishFixture f;
  FakeWorkspace ws;

  @BeforeAll
  static void generate() throws Exception {
    parquet = PublishFixture.generate(runs.resolve("parquet"), files(Mode.OVERWRITE, FileFormat.PARQUET));
    csv = PublishFixture.generate(runs.resolve("csv"), files(Mode.OVERWRITE, FileFormat.CSV));
  }

  @BeforeEach
  void workspace() throws Exception {
    f = new PublishFixture(dir);
    ws = f.ws;
  }

  @Test
  void landsEveryFileUnderItsTableFolderPrefixedWithTheRunKeyWithoutAWarehouse() throws Exception {
    Preparation p = f.publisher.prepare(files(Mode.OVERWRITE, FileFormat.PARQUET), parquet);
    assertNull(p.warehouse());
    assertNull(p.stagingDir());
    assertEquals(0, p.statementCount());
    assertTrue(p.tables().stream().allMatch(t -> t.action() == TableAction.Action.LAND_FILES));
    assertEquals(PublishFixture.expectedUploads(parquet, LANDING, parquet.runKey() + "-"),
        p.uploads().stream().collect(Collectors.toMap(Upload::remote, Upload::bytes)));

    PublishResult r = f.publisher.execute(p, false, PublishProgress.NONE, new Cancellation());
    assertEquals(p.uploads().size(), r.filesSent());
    for (Upload u : p.uploads()) {
      assertArrayEquals(Files.readAllBytes(u.local()), ws.bytes(u.remote()), u.remote());
    }
    for (PublishResult.TableResult t : r.tables()) {
      assertEquals(PublishFixture.manifestRows(parquet).get(t.table()), t.rowsVerified());
      assertEquals(LANDING + "/" + t.table(), t.target());
    }
    assertFalse(ws.calls().stream().anyMatch(c -> c.startsWith("warehouses") || c.startsWith("execute")),
        ws.calls().toString());
    assertTrue(ws.calls().contains("createVolume demo.retail.landing"));
  }

  @Test
  void landingTheSameRunAgainFindsItsOwnFilesAndSendsNothing() {
    f.publish(files(Mode.FAIL_IF_EXISTS, FileFormat.PARQUET), parquet, false);
    Preparation p = f.publisher.prepare(files(Mode.FAIL_IF_EXISTS, FileFormat.PARQUET), parquet);
    assertEquals(List.of(), p.replaces());
    PublishResult r = f.publisher.execute(p, false, PublishProgress.NONE, new Cancellation());
    assertEquals(0, r.filesSent());
    assertEquals(p.uploads().size(), r.filesSkipped());
  }

  @Test
  void overwriteRemovesOtherFilesOnlyAfterTheNewOnesAreUploaded() {
    ws.putVolume(C, S, "landing");
    ws.putFile(OLD, new byte[] {1, 2, 3});
    Preparation p = f.publisher.prepare(files(Mode.OVERWRITE, FileFormat.PARQUET), parquet);
    assertEquals(List.of(LANDING + "/customers (1 file)"), p.replaces());
    assertEquals(List.of(OLD), p.staleFiles());
    assertEquals(TableAction.Action.REPLACE_FILES, p.tables().get(0).action());
    assertEquals(TableAction.Action.LAND_FILES, p.tables().get(1).action());

    CatalogException e = assertThrows(CatalogException.class,
        () -> f.publisher.execute(p, false, PublishProgress.NONE, new Cancellation()));
    assertEquals(CatalogException.Kind.CONFLICT, e.kind());
    assertTrue(ws.files().contains(OLD));

    f.publisher.execute(p, true, PublishProgress.NONE, new Cancellation());
    assertFalse(ws.files().contains(OLD));
    List<String> calls = ws.calls();
    assertTrue(lastIndex(calls, "upload ") < firstIndex(calls, "deleteFile " + OLD), calls.toString());
    assertEquals(p.uploads().size(), ws.files().size());
  }

  @Test
  void failIfExistsRefusesAFolderHoldingFiles() {
    ws.putVolume(C, S, "landing");
    ws.putFile(OLD, new byte[] {1, 2, 3});
    String before = ws.snapshot();
    CatalogException e = assertThrows(CatalogException.class,
        () -> f.publisher.prepare(files(Mode.FAIL_IF_EXISTS, FileFormat.PARQUET), parquet));
    assertEquals(CatalogException.Kind.CONFLICT, e.kind());
    assertEquals("nothing was changed: " + LANDING + "/customers already holds 1 file", e.getMessage());
    assertEquals(List.of(), ws.changes());
    assertEquals(before, ws.snapshot());
  }

  @Test
  void appendLandsBesideWhatIsThere() {
    ws.putVolume(C, S, "landing");
    ws.putFile(OLD, new byte[] {1, 2, 3});
    Preparation p = f.publisher.prepare(files(Mode.APPEND, FileFormat.PARQUET), parquet);
    assertEquals(List.of(), p.replaces());
    f.publisher.execute(p, false, PublishProgress.NONE, new Cancellation());
    assertTrue(ws.files().contains(OLD));
    assertEquals(p.uploads().size() + 1, ws.files().size());
  }

  @Test
  void aCsvRunLandsCsvFilesWithAHeaderRow() {
    Preparation p = f.publisher.prepare(files(Mode.OVERWRITE, FileFormat.CSV), csv);
    f.publisher.execute(p, false, PublishProgress.NONE, new Cancellation());
    assertEquals("csv", csv.run().format());
    assertEquals(csv.plan().tables().size(), p.uploads().size());
    for (Table t : csv.plan().tables()) {
      String remote = LANDING + "/" + t.name() + "/" + csv.runKey() + "-" + t.name() + ".csv";
      String text = new String(ws.bytes(remote), StandardCharsets.UTF_8);
      String header = t.columns().stream().filter(c -> !c.omit()).map(Column::name).collect(Collectors.joining(","));
      assertEquals(header, text.substring(0, text.indexOf('\n')), remote);
      assertEquals(PublishFixture.manifestRows(csv).get(t.name()), text.lines().count() - 1, remote);
    }
  }
}
