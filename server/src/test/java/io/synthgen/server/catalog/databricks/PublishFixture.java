package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.CreateVolumeRequestContent;
import com.databricks.sdk.service.catalog.VolumeType;
import com.databricks.sdk.service.files.UploadRequest;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the publisher does, done by hand through the SDK against a stand-in: schema {@code demo.retail}, volume
 * {@code synthgen_staging}, two Parquet parts uploaded, and {@code demo.retail.customers} created from them with a
 * comment and synthgen table properties, in the SQL shape the publisher sends.
 */
final class PublishFixture {

  static final String WAREHOUSE = "wh-serverless";
  static final String STAGING = "/Volumes/demo/retail/synthgen_staging/pln_ab12-v2/customers";
  static final String CUSTOMERS = "`demo`.`retail`.`customers`";
  static final String TABLE_COMMENT = "Customers, one row each; it's synthetic";
  static final long ROWS = 6;

  private PublishFixture() {
  }

  /** A stand-in with catalog demo and a running serverless warehouse, and an SDK client for it. */
  static WorkspaceStandIn standIn(Path root) {
    return WorkspaceStandIn.builder().root(root).start().addCatalog("demo")
        .addWarehouse(WAREHOUSE, "Serverless Starter", "RUNNING", true);
  }

  static WorkspaceClient client(WorkspaceStandIn standIn) {
    return new WorkspaceClient(new DatabricksConfig().setHost(standIn.url()).setToken(standIn.token())
        .setAuthType("pat").setDisableRetries(true));
  }

  static void publishCustomers(WorkspaceClient w, Path dir) throws Exception {
    w.schemas().create(new CreateSchema().setCatalogName("demo").setName("retail").setComment("Retail demo"));
    w.volumes().create(new CreateVolumeRequestContent().setCatalogName("demo").setSchemaName("retail")
        .setName("synthgen_staging").setVolumeType(VolumeType.MANAGED).setComment("synthgen staging"));
    upload(w, ParquetFixtures.customers(dir.resolve("part-00000.parquet"), 0, 3), STAGING + "/part-00000.parquet");
    upload(w, ParquetFixtures.customers(dir.resolve("part-00001.parquet"), 3, 3), STAGING + "/part-00001.parquet");
    assertEquals(StatementState.SUCCEEDED, run(w, createTable(CUSTOMERS, true, STAGING)).getStatus().getState());
  }

  static void upload(WorkspaceClient w, Path local, String volumePath) {
    try (InputStream in = Files.newInputStream(local)) {
      w.files().upload(new UploadRequest().setFilePath(volumePath).setContents(in).setOverwrite(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code CREATE [OR REPLACE] TABLE ... USING DELTA COMMENT ... TBLPROPERTIES (...) AS SELECT CAST(...) ...}. */
  static String createTable(String table, boolean replace, String sourceFolder) {
    return "CREATE " + (replace ? "OR REPLACE " : "") + "TABLE " + table + " USING DELTA COMMENT "
        + StandInSql.literal(TABLE_COMMENT) + " TBLPROPERTIES ('synthgen.synthetic' = 'true', 'synthgen.plan_id' ="
        + " 'pln_ab12', 'synthgen.plan_version' = '2', 'synthgen.plan_hash' = 'sha256:0f3a', 'synthgen.seed' = '42')"
        + " AS " + select(sourceFolder);
  }

  static String select(String sourceFolder) {
    return "SELECT " + Arrays.stream(ParquetFixtures.COLUMNS)
        .map(c -> "CAST(" + StandInSql.quote(c[0]) + " AS " + c[1] + ") AS " + StandInSql.quote(c[0]))
        .collect(Collectors.joining(", ")) + " FROM parquet." + StandInSql.quote(sourceFolder);
  }

  /** Executes a statement and polls until it ends, as the publisher does. */
  static StatementResponse run(WorkspaceClient w, String sql) throws InterruptedException {
    StatementResponse r = w.statementExecution().executeStatement(request(sql, "10s"));
    return poll(w, r);
  }

  static ExecuteStatementRequest request(String sql, String waitTimeout) {
    return new ExecuteStatementRequest().setWarehouseId(WAREHOUSE).setStatement(sql).setWaitTimeout(waitTimeout)
        .setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE).setDisposition(Disposition.INLINE)
        .setFormat(Format.JSON_ARRAY);
  }

  static StatementResponse poll(WorkspaceClient w, StatementResponse first) throws InterruptedException {
    StatementResponse r = first;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (r.getStatus().getState() == StatementState.PENDING || r.getStatus().getState() == StatementState.RUNNING) {
      assertTrue(System.nanoTime() < deadline, "statement " + r.getStatementId() + " still " + r.getStatus().getState());
      Thread.sleep(200);
      r = w.statementExecution().getStatement(r.getStatementId());
    }
    return r;
  }

  /** The single value of a one-row, one-column result. */
  static String single(StatementResponse r) {
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState(),
        () -> r.getStatus().getError() == null ? "" : r.getStatus().getError().getMessage());
    return r.getResult().getDataArray().iterator().next().iterator().next();
  }
}
