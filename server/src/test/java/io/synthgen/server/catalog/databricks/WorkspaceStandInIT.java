package io.synthgen.server.catalog.databricks;

import static io.synthgen.server.catalog.databricks.PublishFixture.CUSTOMERS;
import static io.synthgen.server.catalog.databricks.PublishFixture.ROWS;
import static io.synthgen.server.catalog.databricks.PublishFixture.STAGING;
import static io.synthgen.server.catalog.databricks.PublishFixture.run;
import static io.synthgen.server.catalog.databricks.PublishFixture.single;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.AlreadyExists;
import com.databricks.sdk.core.error.platform.BadRequest;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.ResourceConflict;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.ColumnTypeName;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.TableInfo;
import com.databricks.sdk.service.files.CreateDirectoryRequest;
import com.databricks.sdk.service.files.DirectoryEntry;
import com.databricks.sdk.service.files.UploadRequest;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfoTypeName;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementParameterListItem;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in driven by the real Databricks SDK the way the publisher drives Databricks: Parquet uploaded to a volume,
 * a Delta table created from it by SQL, then read back with Spark and through Unity Catalog.
 */
class WorkspaceStandInIT {

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

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void theTableReadsBackWithSparkAsPublished() throws Exception {
    StatementResponse alter = run(w, "ALTER TABLE " + CUSTOMERS + " ALTER COLUMN `customer_id` COMMENT 'Primary key'");
    assertEquals(StatementState.SUCCEEDED, alter.getStatus().getState());

    StatementResponse count = run(w, "SELECT count(*) AS `n` FROM " + CUSTOMERS);
    assertEquals(String.valueOf(ROWS), single(count));
    var column = count.getManifest().getSchema().getColumns().iterator().next();
    assertEquals("n", column.getName());
    assertEquals(ColumnInfoTypeName.LONG, column.getTypeName());

    assertEquals(ROWS, standIn.sparkTable("demo", "retail", "customers").count());
    StructField[] fields = standIn.sparkTable("demo", "retail", "customers").schema().fields();
    assertArrayEquals(new String[] {"customer_id bigint", "visits int", "score double", "amount decimal(10,2)",
        "name string", "active boolean", "signup_date date", "updated_at timestamp"},
        Arrays.stream(fields).map(f -> f.name() + " " + f.dataType().catalogString()).toArray());
    assertEquals("Primary key", fields[0].getComment().get());

    String name = standIn.sparkName("demo", "retail", "customers");
    Row detail = standIn.spark().sql("DESCRIBE DETAIL " + name).first();
    assertEquals(PublishFixture.TABLE_COMMENT, detail.getAs("description"));
    assertEquals("delta", detail.getAs("format"));
    Map<String, String> props = new HashMap<>();
    standIn.spark().sql("SHOW TBLPROPERTIES " + name).collectAsList().forEach(r -> props.put(r.getString(0),
        r.getString(1)));
    assertEquals("true", props.get("synthgen.synthetic"));
    assertEquals("pln_ab12", props.get("synthgen.plan_id"));
    assertEquals("42", props.get("synthgen.seed"));

    Row first = standIn.spark().sql("SELECT * FROM " + name + " WHERE customer_id = 4").first();
    assertEquals(new java.math.BigDecimal("41.00"), first.getAs("amount"));
    assertNull(first.getAs("name"));
  }

  @Test
  void valuesComeBackAsStringsAndNullsAsNull() throws Exception {
    StatementResponse r = run(w, "SELECT `amount`, `name`, `active`, `signup_date`, `updated_at` FROM " + CUSTOMERS
        + " WHERE `customer_id` IN (1, 4) ORDER BY `customer_id`");
    List<List<String>> rows = new ArrayList<>();
    r.getResult().getDataArray().forEach(row -> rows.add(new ArrayList<>(row)));
    assertEquals(Arrays.asList("10.25", "name-1", "false", "2024-01-02", "2024-01-01T01:00:00.000Z"), rows.get(0));
    assertEquals(Arrays.asList("41.00", null, "true", "2024-01-05", "2024-01-01T04:00:00.000Z"), rows.get(1));
    assertEquals(2L, r.getManifest().getTotalRowCount());

    // named parameters, and unqualified names resolved in the request's catalog and schema
    StatementResponse p = PublishFixture.poll(w, w.statementExecution().executeStatement(
        PublishFixture.request("SELECT count(*) AS `n` FROM `customers` WHERE `customer_id` >= :min AND `active` = :on",
            "10s").setCatalog("demo").setSchema("retail").setParameters(List.of(
                new StatementParameterListItem().setName("min").setValue("2").setType("BIGINT"),
                new StatementParameterListItem().setName("on").setValue("true").setType("BOOLEAN")))));
    assertEquals("2", single(p));
  }

  @Test
  void unityCatalogDescribesWhatExists() {
    TableInfo t = w.tables().get("demo.retail.customers");
    assertEquals("demo.retail.customers", t.getFullName());
    assertEquals(PublishFixture.TABLE_COMMENT, t.getComment());
    assertEquals("pln_ab12", t.getProperties().get("synthgen.plan_id"));
    List<ColumnInfo> columns = new ArrayList<>(t.getColumns());
    assertEquals(ParquetFixtures.COLUMNS.length, columns.size());
    assertEquals(ColumnTypeName.DECIMAL, columns.get(3).getTypeName());
    assertEquals("decimal(10,2)", columns.get(3).getTypeText());
    assertEquals(2L, columns.get(3).getTypeScale());
    assertEquals(ColumnTypeName.TIMESTAMP, columns.get(7).getTypeName());
    assertTrue(w.tables().exists("demo.retail.customers").getTableExists());
    assertFalse(w.tables().exists("demo.retail.nope").getTableExists());
    assertThrows(NotFound.class, () -> w.tables().get("demo.retail.nope"));

    assertEquals("demo", w.catalogs().get("demo").getName());
    assertEquals("Retail demo", w.schemas().get("demo.retail").getComment());
    assertEquals("synthgen staging", w.volumes().read("demo.retail.synthgen_staging").getComment());
    assertEquals("CATALOG_DOES_NOT_EXIST",
        assertThrows(NotFound.class, () -> w.catalogs().get("prod")).getErrorCode());
    assertEquals("SCHEMA_ALREADY_EXISTS", assertThrows(ResourceConflict.class,
        () -> w.schemas().create(new CreateSchema().setCatalogName("demo").setName("retail"))).getErrorCode());

    List<EndpointInfo> warehouses = new ArrayList<>();
    w.warehouses().list(new ListWarehousesRequest()).forEach(warehouses::add);
    EndpointInfo serverless = warehouses.stream().filter(e -> e.getId().equals(PublishFixture.WAREHOUSE)).findFirst()
        .orElseThrow();
    assertTrue(serverless.getEnableServerlessCompute());
    assertEquals("RUNNING", w.warehouses().get(PublishFixture.WAREHOUSE).getState().name());
  }

  @Test
  void filesAndDirectoriesInAVolume() throws Exception {
    String folder = "/Volumes/demo/retail/synthgen_staging/files-test";
    byte[] bytes = "hello volume".getBytes(StandardCharsets.UTF_8);
    w.files().upload(new UploadRequest().setFilePath(folder + "/a/one.bin").setContents(new ByteArrayInputStream(bytes)));
    assertEquals(bytes.length, w.files().getMetadata(folder + "/a/one.bin").getContentLength());
    try (InputStream in = w.files().download(folder + "/a/one.bin").getContents()) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertArrayEquals(bytes, Files.readAllBytes(standIn.localPath(folder + "/a/one.bin")));
    assertEquals("ALREADY_EXISTS", assertThrows(AlreadyExists.class, () -> w.files().upload(new UploadRequest()
        .setFilePath(folder + "/a/one.bin").setContents(new ByteArrayInputStream(bytes)).setOverwrite(false)))
        .getErrorCode());

    w.files().createDirectory(new CreateDirectoryRequest().setDirectoryPath(folder + "/b"));
    w.files().getDirectoryMetadata(folder + "/b");
    List<DirectoryEntry> entries = new ArrayList<>();
    w.files().listDirectoryContents(folder).forEach(entries::add);
    assertEquals(List.of("a", "b"), entries.stream().map(DirectoryEntry::getName).toList());
    assertTrue(entries.get(0).getIsDirectory());
    List<DirectoryEntry> parts = new ArrayList<>();
    w.files().listDirectoryContents(STAGING).forEach(parts::add);
    assertEquals(STAGING + "/part-00000.parquet", parts.get(0).getPath());
    assertTrue(parts.get(0).getFileSize() > 0);

    assertThrows(BadRequest.class, () -> w.files().deleteDirectory(folder + "/a"));
    w.files().delete(folder + "/a/one.bin");
    w.files().deleteDirectory(folder + "/a");
    assertThrows(NotFound.class, () -> w.files().getMetadata(folder + "/a/one.bin"));
    assertThrows(NotFound.class, () -> w.files().getDirectoryMetadata(folder + "/a"));
    assertThrows(ResourceDoesNotExist.class, () -> w.files().upload(new UploadRequest()
        .setFilePath("/Volumes/demo/retail/no_volume/x.bin").setContents(new ByteArrayInputStream(bytes))));
  }

  @Test
  void slowStatementsArePolledOrCancelled() throws Exception {
    StandInFaults.Fault slow = standIn.faults().delayStatements(sql -> sql.contains("/* slow */"),
        Duration.ofMillis(1500));
    StandInFaults.Fault stuck = standIn.faults().delayStatements(sql -> sql.contains("/* stuck */"),
        Duration.ofMinutes(5));
    try {
      StatementResponse r = w.statementExecution().executeStatement(
          PublishFixture.request("SELECT /* slow */ max(`visits`) AS `m` FROM " + CUSTOMERS, "0s"));
      assertTrue(r.getStatus().getState() == StatementState.PENDING
          || r.getStatus().getState() == StatementState.RUNNING, r.getStatus().getState().name());
      assertEquals("5", single(PublishFixture.poll(w, r)));

      StatementResponse s = w.statementExecution().executeStatement(
          PublishFixture.request("SELECT /* stuck */ 1", "0s"));
      w.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(s.getStatementId()));
      assertEquals(StatementState.CANCELED, w.statementExecution().getStatement(s.getStatementId()).getStatus()
          .getState());
    } finally {
      slow.clear();
      stuck.clear();
    }
  }

  @Test
  void sqlErrorsFailTheStatementAndInsertAppends() throws Exception {
    StatementResponse exists = run(w, PublishFixture.createTable(CUSTOMERS, false, STAGING));
    assertEquals(StatementState.FAILED, exists.getStatus().getState());
    assertEquals(ServiceErrorCode.BAD_REQUEST, exists.getStatus().getError().getErrorCode());
    assertTrue(exists.getStatus().getError().getMessage().contains("TABLE_OR_VIEW_ALREADY_EXISTS"),
        exists.getStatus().getError().getMessage());
    assertTrue(exists.getStatus().getError().getMessage().contains("`demo`.`retail`.`customers`"),
        exists.getStatus().getError().getMessage());

    assertThrows(ResourceDoesNotExist.class, () -> w.statementExecution().executeStatement(
        PublishFixture.request("SELECT 1", "10s").setWarehouseId("no-such-warehouse")));
    standIn.addWarehouse("wh-classic", "Classic", "STOPPED", false);
    w.statementExecution().executeStatement(PublishFixture.request("SELECT 1", "10s").setWarehouseId("wh-classic"));
    assertEquals("RUNNING", standIn.warehouseState("wh-classic"));

    // Spark (unlike, possibly, Databricks) refuses a column list in CREATE TABLE AS SELECT, so the publisher sets
    // column comments with ALTER COLUMN; if a Spark upgrade accepts it, this fails and the publisher may simplify
    StatementResponse columnList = run(w, "CREATE OR REPLACE TABLE `demo`.`retail`.`with_columns` (`a` BIGINT COMMENT"
        + " 'x') USING DELTA AS SELECT CAST(1 AS BIGINT) AS `a`");
    assertEquals(StatementState.FAILED, columnList.getStatus().getState());
    assertTrue(columnList.getStatus().getError().getMessage().contains("Schema may not be specified"),
        columnList.getStatus().getError().getMessage());

    StatementResponse missing = run(w, "SELECT * FROM `demo`.`nowhere`.`t`");
    assertEquals(StatementState.FAILED, missing.getStatus().getState());
    assertTrue(missing.getStatus().getError().getMessage().contains("SCHEMA_NOT_FOUND"));

    String copy = "`demo`.`retail`.`customers_appended`";
    assertEquals(StatementState.SUCCEEDED, run(w, PublishFixture.createTable(copy, false, STAGING)).getStatus()
        .getState());
    assertEquals(StatementState.SUCCEEDED, run(w, "INSERT INTO " + copy + " " + PublishFixture.select(STAGING))
        .getStatus().getState());
    assertEquals(String.valueOf(2 * ROWS), single(run(w, "SELECT count(*) AS `n` FROM " + copy)));
    assertEquals(2 * ROWS, standIn.sparkTable("demo", "retail", "customers_appended").count());
  }
}
