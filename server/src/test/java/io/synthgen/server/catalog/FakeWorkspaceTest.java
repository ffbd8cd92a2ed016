package io.synthgen.server.catalog;

import static io.synthgen.server.catalog.PublishFixture.C;
import static io.synthgen.server.catalog.PublishFixture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.plan.Table;
import io.synthgen.server.catalog.PublishRequest.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake holds the publisher tests to Databricks' behaviour only if it refuses what Databricks refuses. */
class FakeWorkspaceTest {

  @TempDir
  Path dir;

  @Test
  void loadsCountRowsFromTheFilesAndRefuseWhatTheWarehouseWould() throws Exception {
    PublishSource src = PublishFixture.generate(dir.resolve("run"), PublishFixture.tables(Mode.OVERWRITE));
    FakeWorkspace ws = new FakeWorkspace(Files.createDirectories(dir.resolve("scratch")), C)
        .warehouse(PublishFixture.WAREHOUSE);
    ws.putVolume(C, S, "v");
    Table customers = src.plan().tables().get(0);
    String folder = "/Volumes/demo/retail/v/customers";
    ws.upload(folder + "/a.parquet", src.run().dir().resolve(src.run().tables().get(0).files().get(0).path()), false);
    TableStatements st = new TableStatements(C, S, customers);
    String wh = PublishFixture.WAREHOUSE.id();
    Cancellation cancel = new Cancellation();

    ws.execute(wh, st.create(false, "c", Map.of("k", "v"), folder), cancel);
    assertEquals(List.of(List.of(Long.toString(src.run().tables().get(0).rows()))),
        ws.execute(wh, st.count(), cancel));
    assertStatementFails(ws, st.create(false, "c", Map.of("k", "v"), folder), "TABLE_OR_VIEW_ALREADY_EXISTS");
    assertStatementFails(ws, st.create(true, "c", Map.of("k", "v"), folder + "/none"), "UNABLE_TO_INFER_SCHEMA");

    Table renamed = customers.withColumns(customers.columns().stream()
        .map(c -> c.name().equals("city") ? new io.synthgen.plan.Column("town", c.type(), c.gen(), 0, false, false,
            null) : c).toList());
    assertStatementFails(ws, new TableStatements(C, S, renamed).create(true, "c", Map.of("k", "v"), folder),
        "town");
    assertStatementFails(ws, st.create(true, "c", Map.of("k", "v"), folder) + "; DROP TABLE x",
        "PARSE_SYNTAX_ERROR");
  }

  private static void assertStatementFails(FakeWorkspace ws, String sql, String text) {
    CatalogException e = assertThrows(CatalogException.class,
        () -> ws.execute(PublishFixture.WAREHOUSE.id(), sql, new Cancellation()));
    assertEquals(CatalogException.Kind.STATEMENT_FAILED, e.kind());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void filesKeepTheirFoldersUntilEmptyAndRefuseOverwritingUnlessAsked() throws Exception {
    FakeWorkspace ws = new FakeWorkspace(Files.createDirectories(dir.resolve("scratch")), C);
    ws.putVolume(C, S, "v");
    Path local = Files.write(dir.resolve("x"), new byte[] {7, 8});
    ws.upload("/Volumes/demo/retail/v/a/b/x.bin", local, false);
    assertEquals(Set.of("/Volumes/demo/retail/v/a", "/Volumes/demo/retail/v/a/b"), ws.dirs());
    assertEquals(CatalogException.Kind.CONFLICT, assertThrows(CatalogException.class,
        () -> ws.upload("/Volumes/demo/retail/v/a/b/x.bin", local, false)).kind());
    assertEquals(CatalogException.Kind.CONFLICT, assertThrows(CatalogException.class,
        () -> ws.deleteDirectory("/Volumes/demo/retail/v/a/b")).kind());
    assertEquals(CatalogException.Kind.NOT_FOUND, assertThrows(CatalogException.class,
        () -> ws.upload("/Volumes/demo/retail/other/x.bin", local, true)).kind());
    ws.deleteFile("/Volumes/demo/retail/v/a/b/x.bin");
    ws.deleteDirectory("/Volumes/demo/retail/v/a/b");
    assertEquals(List.of(new RemoteFile("/Volumes/demo/retail/v/a", true, 0)), ws.list("/Volumes/demo/retail/v"));
  }
}
