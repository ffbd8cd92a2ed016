package io.synthgen.server.catalog;

import static io.synthgen.server.catalog.PublishFixture.C;
import static io.synthgen.server.catalog.PublishFixture.S;
import static io.synthgen.server.catalog.PublishFixture.full;
import static io.synthgen.server.catalog.PublishFixture.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.server.catalog.CatalogException.Kind;
import io.synthgen.server.catalog.FakeWorkspace.FakeTable;
import io.synthgen.server.catalog.PublishRequest.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publish that fails or is cancelled part-way: what it says, what it leaves untouched, and how it resumes. */
class PublisherFailureTest {

  @TempDir
  static Path runDir;
  static PublishSource src;
  static int files;

  @TempDir
  Path dir;
  PublishFixture f;
  FakeWorkspace ws;

  @BeforeAll
  static void generate() throws Exception {
    src = PublishFixture.generate(runDir, tables(Mode.OVERWRITE));
    files = PublishFixture.expectedUploads(src, "", "").size();
  }

  @BeforeEach
  void workspace() throws Exception {
    f = new PublishFixture(dir);
    ws = f.ws;
  }

  private PublishResult execute(Preparation p) {
    return f.publisher.execute(p, true, PublishProgress.NONE, new Cancellation());
  }

  @Test
  void anUploadFailingForGoodLeavesTablesUntouchedAndARerunSkipsWhatWasSent() {
    f.publish(tables(Mode.OVERWRITE), src, false);
    Map<String, FakeTable> published = ws.tables();
    ws.failUploadsFrom(3, Kind.PERMISSION);
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);

    CatalogException e = assertThrows(CatalogException.class, () -> execute(p));
    assertEquals(Kind.PERMISSION, e.kind());
    assertTrue(e.getMessage().startsWith("uploaded 2 of " + files + " files before "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; no table was changed"), e.getMessage());
    assertTrue(e.fix().startsWith("ask a workspace admin"), e.fix());
    assertTrue(e.fix().endsWith("the 2 files already uploaded are kept and not sent again"), e.fix());
    assertEquals(published, ws.tables());
    assertEquals(1, ws.calls().stream().filter(c -> c.startsWith("execute CREATE OR REPLACE TABLE `demo`.`retail`"
        + ".`customers`")).count(), "only the first publish loaded customers");

    ws.clearFaults();
    PublishResult r = execute(f.publisher.prepare(tables(Mode.OVERWRITE), src));
    assertEquals(2, r.filesSkipped());
    assertEquals(files - 2, r.filesSent());
    assertEquals(published.keySet(), ws.tables().keySet());
  }

  @Test
  void aTransientUploadFailureIsRetried() {
    ws.failUploadOnce(2);
    PublishResult r = f.publish(tables(Mode.OVERWRITE), src, false);
    assertEquals(files, r.filesSent());
    List<String> uploads = ws.calls().stream().filter(c -> c.startsWith("upload ")).toList();
    assertEquals(files + 1, uploads.size());
    assertEquals(files, uploads.stream().distinct().count());
    assertEquals(PublishFixture.manifestRows(src).size(), ws.tables().size());
  }

  @Test
  void aStatementFailingOnTheSecondTableNamesWhatWasLoadedAndARerunResumes() {
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    ws.failStatements("TABLE `demo`.`retail`.`products` USING", Kind.STATEMENT_FAILED);

    CatalogException e = assertThrows(CatalogException.class, () -> execute(p));
    assertEquals(Kind.STATEMENT_FAILED, e.kind());
    assertTrue(e.getMessage().startsWith("loading demo.retail.products failed: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("demo.retail.products keeps its earlier data (if any); already loaded: "
        + "demo.retail.customers; tables after it were not touched"), e.getMessage());
    assertTrue(e.fix().endsWith("the uploaded files in " + p.stagingDir() + " are kept and not sent again"),
        e.fix());
    assertEquals(List.of(full("customers")), List.copyOf(ws.tables().keySet()));
    assertEquals(files, ws.files().stream().filter(x -> x.startsWith(p.stagingDir())).count());

    ws.clearFaults();
    Preparation again = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    assertEquals(List.of(full("customers")), again.replaces());
    PublishResult r = execute(again);
    assertEquals(files, r.filesSkipped());
    assertEquals(0, r.filesSent());
    assertEquals(PublishFixture.manifestRows(src).size(), ws.tables().size());
    assertTrue(ws.files().isEmpty(), ws.files().toString());
  }

  @Test
  void aFailedColumnCommentSaysTheTableWasLoadedButNotFinished() {
    ws.failStatements("ALTER TABLE `demo`.`retail`.`products`", Kind.STATEMENT_FAILED);
    CatalogException e = assertThrows(CatalogException.class, () -> f.publish(tables(Mode.OVERWRITE), src, false));
    assertTrue(e.getMessage().endsWith("demo.retail.products was loaded but not finished (comments or row count); "
        + "already loaded: demo.retail.customers; tables after it were not touched"), e.getMessage());
    assertEquals(List.of(full("customers"), full("products")), List.copyOf(ws.tables().keySet()));
  }

  @Test
  void anExpiredTokenFailsPrepareAndExecuteWithAuthentication() {
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    ws.refuse("", Kind.AUTHENTICATION);
    CatalogException e = assertThrows(CatalogException.class, () -> f.publisher.prepare(tables(Mode.OVERWRITE),
        src));
    assertEquals(Kind.AUTHENTICATION, e.kind());
    assertTrue(e.fix().contains("databricks auth login"), e.fix());

    ws.clearFaults();
    ws.putVolume(C, S, PublishRequest.DEFAULT_STAGING_VOLUME);
    Preparation ready = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    ws.refuse("", Kind.AUTHENTICATION);
    CatalogException upload = assertThrows(CatalogException.class, () -> execute(ready));
    assertEquals(Kind.AUTHENTICATION, upload.kind());
    assertTrue(upload.getMessage().startsWith("uploaded 0 of " + files + " files"), upload.getMessage());
    assertTrue(upload.fix().startsWith("sign in again") && upload.fix().contains("then publish again"),
        upload.fix());
    assertTrue(p.createSchema());
    assertFalse(ready.createSchema(), "the second preparation finds the schema");
  }

  @Test
  void permissionRefusalsKeepTheirKindAndFix() {
    ws.refuse("createSchema", Kind.PERMISSION);
    CatalogException schema = assertThrows(CatalogException.class, () -> f.publish(tables(Mode.OVERWRITE), src,
        false));
    assertEquals(Kind.PERMISSION, schema.kind());
    assertTrue(schema.fix().startsWith("ask a workspace admin"), schema.fix());
    assertEquals(List.of("createSchema demo.retail"), ws.changes());

    ws.clearFaults();
    ws.failStatements("CREATE OR REPLACE TABLE `demo`.`retail`.`customers`", Kind.PERMISSION);
    CatalogException load = assertThrows(CatalogException.class, () -> f.publish(tables(Mode.OVERWRITE), src,
        false));
    assertEquals(Kind.PERMISSION, load.kind());
    assertTrue(load.getMessage().contains("no table was changed"), load.getMessage());
    assertTrue(load.fix().startsWith("ask a workspace admin") && load.fix().contains("then publish again"),
        load.fix());
    assertTrue(ws.tables().isEmpty());
  }

  @Test
  void aSchemaAndVolumeCreatedByAnotherSessionSincePrepareAreUsed() {
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    ws.putVolume(C, S, PublishRequest.DEFAULT_STAGING_VOLUME);
    execute(p);
    assertEquals(PublishFixture.manifestRows(src).size(), ws.tables().size());
  }

  @Test
  void cancelledBeforeExecuteChangesNothing() {
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    String before = ws.snapshot();
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    assertThrows(CancellationException.class, () -> f.publisher.execute(p, true, PublishProgress.NONE, cancel));
    assertEquals(before, ws.snapshot());
    assertEquals(List.of(), ws.changes());
  }

  @Test
  void cancelledWhenLoadingStartsLoadsNoTable() {
    Cancellation cancel = new Cancellation();
    PublishProgress cancelOnLoad = (step, fraction) -> {
      if (step.startsWith("loading")) {
        cancel.cancel();
      }
    };
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    CancellationException e = assertThrows(CancellationException.class,
        () -> f.publisher.execute(p, true, cancelOnLoad, cancel));
    assertEquals("cancelled before loading demo.retail.customers; no table was changed", e.getMessage());
    assertEquals(Map.of(), ws.tables());
    assertFalse(ws.calls().stream().anyMatch(c -> c.startsWith("execute ")), ws.calls().toString());
    assertEquals(files, ws.files().stream().filter(x -> x.startsWith(p.stagingDir())).count(), "staging is kept");
  }

  @Test
  void cancelledWhileUploadingLoadsNoTableAndARerunResumes() {
    f.publish(tables(Mode.OVERWRITE), src, false);
    Map<String, FakeTable> published = ws.tables();
    int statements = (int) ws.calls().stream().filter(c -> c.startsWith("execute ")).count();
    Cancellation cancel = new Cancellation();
    PublishProgress cancelOnFirstFile = (step, fraction) -> {
      if (step.startsWith("uploading")) {
        cancel.cancel();
      }
    };
    Preparation p = f.publisher.prepare(tables(Mode.OVERWRITE), src);
    CancellationException e = assertThrows(CancellationException.class,
        () -> f.publisher.execute(p, true, cancelOnFirstFile, cancel));
    assertTrue(e.getMessage().contains("will not be sent again"), e.getMessage());
    assertEquals(published, ws.tables());
    assertEquals(statements, ws.calls().stream().filter(c -> c.startsWith("execute ")).count());

    PublishResult r = execute(f.publisher.prepare(tables(Mode.OVERWRITE), src));
    assertTrue(r.filesSkipped() >= 1, "the file sent before the cancel is kept: " + r.filesSkipped());
    assertEquals(files, r.filesSkipped() + r.filesSent());
  }
}
