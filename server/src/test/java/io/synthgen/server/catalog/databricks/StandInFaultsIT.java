package io.synthgen.server.catalog.databricks;

import static io.synthgen.server.catalog.databricks.PublishFixture.CUSTOMERS;
import static io.synthgen.server.catalog.databricks.PublishFixture.ROWS;
import static io.synthgen.server.catalog.databricks.PublishFixture.STAGING;
import static io.synthgen.server.catalog.databricks.PublishFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.error.platform.InternalError;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each injected failure reaches the SDK as the typed exception a real workspace would cause, and none of them harms the
 * table that was already published.
 */
class StandInFaultsIT {

  @TempDir
  static Path dir;

  private static WorkspaceStandIn standIn;
  private static WorkspaceClient w;

  @BeforeAll
  static void publish() throws Exception {
    standIn = PublishFixture.standIn(dir.resolve("workspace"));
    w = PublishFixture.client(standIn);
    PublishFixture.publishCustomers(w, dir);
  }

  @AfterEach
  void tableIsIntact() {
    standIn.faults().clearAll();
    assertEquals(ROWS, standIn.sparkTable("demo", "retail", "customers").count());
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void aFailedUploadRaisesInternalErrorAndLeavesNoFile() throws Exception {
    Path part = ParquetFixtures.customers(dir.resolve("big.parquet"), 100, 500);
    String target = STAGING + "-next/part-00000.parquet";
    standIn.faults().failUploads(p -> p.endsWith("/part-00000.parquet") && p.contains("-next"), 1, 1000);

    // with the SDK's retries on: it retries a PUT only on 429, 501 and 503, so the 500 surfaces at once
    WorkspaceClient retrying = new WorkspaceClient(new DatabricksConfig().setHost(standIn.url())
        .setToken(standIn.token()).setAuthType("pat"));
    standIn.clearRequests();
    InternalError e = assertThrows(InternalError.class, () -> PublishFixture.upload(retrying, part, target));
    assertEquals("INTERNAL_ERROR", e.getErrorCode());
    assertEquals(1, standIn.requests().stream().filter(r -> r.is("PUT", "/api/2.0/fs/files")).count());
    assertThrows(NotFound.class, () -> w.files().getMetadata(target));
    try (Stream<Path> leftovers = Files.list(standIn.root().resolve("uploads"))) {
      assertEquals(0, leftovers.count());
    }
    RecordedRequest put = standIn.requests().stream().filter(r -> r.is("PUT", "/api/2.0/fs/files"))
        .reduce((a, b) -> b).orElseThrow();
    assertEquals(500, put.status());
    assertEquals(Files.size(part), put.bodyBytes(), "the stand-in drains the body before answering");

    // the failure was for the first upload only
    PublishFixture.upload(w, part, target);
    assertEquals(Files.size(part), w.files().getMetadata(target).getContentLength());
  }

  @Test
  void aFailedStatementKeepsThePreviousTable() throws Exception {
    standIn.faults().failStatements(sql -> sql.startsWith("CREATE OR REPLACE TABLE"), "INTERNAL_ERROR",
        "Warehouse lost its executors");
    StatementResponse r = run(w, PublishFixture.createTable(CUSTOMERS, true, STAGING));
    assertEquals(StatementState.FAILED, r.getStatus().getState());
    assertEquals(ServiceErrorCode.INTERNAL_ERROR, r.getStatus().getError().getErrorCode());
    assertEquals("Warehouse lost its executors", r.getStatus().getError().getMessage());
  }

  @Test
  void anExpiredTokenRaisesUnauthenticated() {
    StandInFaults.Fault expired = standIn.faults().expireToken();
    Unauthenticated e = assertThrows(Unauthenticated.class, () -> w.schemas().get("demo.retail"));
    assertEquals("Token is expired", e.getMessage());
    assertThrows(Unauthenticated.class, () -> run(w, "SELECT 1"));
    assertThrows(Unauthenticated.class, () -> PublishFixture.upload(w, dir.resolve("part-00000.parquet"),
        STAGING + "/part-00000.parquet"));
    expired.clear();
    assertEquals("retail", w.schemas().get("demo.retail").getName());
  }

  @Test
  void aWrongTokenRaisesUnauthenticatedAndTokensAreNeverRecorded() {
    WorkspaceClient stranger = new WorkspaceClient(new DatabricksConfig().setHost(standIn.url())
        .setToken("dapi-wrong").setAuthType("pat").setDisableRetries(true));
    assertThrows(Unauthenticated.class, () -> stranger.catalogs().get("demo"));
    List<RecordedRequest> requests = standIn.requests();
    assertTrue(requests.stream().anyMatch(r -> r.status() == 401 && r.authorization()));
    assertTrue(requests.stream().filter(r -> r.path().startsWith("/api/")).allMatch(RecordedRequest::authorization));
    assertFalse(requests.toString().contains(standIn.token()));
  }

  @Test
  void aDeniedPermissionRaisesPermissionDenied() throws Exception {
    String message = "User does not have CREATE SCHEMA on Catalog 'demo'.";
    StandInFaults.Fault noSchemas = standIn.faults().denyPermission("POST", "/api/2.1/unity-catalog/schemas", message);
    PermissionDenied e = assertThrows(PermissionDenied.class,
        () -> w.schemas().create(new CreateSchema().setCatalogName("demo").setName("sales")));
    assertEquals("PERMISSION_DENIED", e.getErrorCode());
    assertEquals(message, e.getMessage());

    standIn.faults().denyPermission("POST", "/api/2.0/sql/statements",
        "User does not have MODIFY on Table 'demo.retail.customers'.");
    assertThrows(PermissionDenied.class, () -> run(w, PublishFixture.createTable(CUSTOMERS, true, STAGING)));
    noSchemas.clear();
    assertEquals("sales", w.schemas().create(new CreateSchema().setCatalogName("demo").setName("sales")).getName());
  }
}
