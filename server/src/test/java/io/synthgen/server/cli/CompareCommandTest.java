package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthgen compare} on a generated run and sources DuckDB made from it. */
class CompareCommandTest {

  @TempDir
  Path dir;

  private Path run() {
    Path out = dir.resolve("run");
    Result g = CliRun.run("generate", "retail", "--rows", "2000", "--out", out.toString(), "--threads", "1");
    assertEquals(0, g.code(), g.toString());
    return out;
  }

  private void duck(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void aShiftedSourceExitsZeroAndACopiedRowExitsThree() throws Exception {
    Path run = run();
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    String products = run.resolve("products.parquet").toString();
    duck("COPY (SELECT * REPLACE (unit_price * 3 AS unit_price) FROM '" + products + "') TO '"
        + src.resolve("products.parquet") + "' (FORMAT parquet)");
    Result ok = CliRun.run("compare", "--source", src.toString(), run.toString());
    assertEquals(0, ok.code(), ok.toString());
    assertTrue(ok.out().startsWith("products: "), ok.out());
    assertTrue(ok.out().contains("no synthetic row reproduces a source row"), ok.out());
    assertTrue(ok.out().contains("not compared: synthetic table customers has no source table of its name"),
        ok.out());

    duck("COPY (SELECT * REPLACE (unit_price * 3 AS unit_price) FROM '" + products + "' UNION ALL "
        + "SELECT * FROM '" + products + "' WHERE product_id = 10007) TO '" + src.resolve("products.parquet")
        + "' (FORMAT parquet)");
    Result copied = CliRun.run("compare", "--source", src.toString(), "--json", run.toString());
    assertEquals(3, copied.code(), copied.toString());
    JsonNode report = new ObjectMapper().readTree(copied.out());
    assertTrue(report.path("source_row_reproduced").asBoolean(), copied.out());
    JsonNode t = report.path("tables").get(0);
    assertEquals("products", t.path("table").asText());
    assertEquals(1, t.path("row_check").path("reproduced_rows").asLong());
    assertEquals(7, t.path("row_check").path("example_synthetic_rows").get(0).asLong());
    JsonNode price = null;
    for (JsonNode c : t.path("columns")) {
      if (c.path("column").asText().equals("unit_price")) {
        price = c;
      }
    }
    assertTrue(price != null && price.path("value").asDouble() > 0.3, t.toPrettyString());
  }

  @Test
  void aSourceThatIsNotThereIsBadInput() {
    Path run = run();
    Result r = MainTest.badInput("compare", "--source", dir.resolve("nope").toString(), run.toString());
    assertTrue(r.err().contains("does not exist"), r.toString());
    Result notRun = MainTest.badInput("compare", "--source", run.resolve("products.parquet").toString(),
        dir.toString());
    assertTrue(notRun.err().contains("no finished synthgen run"), notRun.toString());
  }
}
