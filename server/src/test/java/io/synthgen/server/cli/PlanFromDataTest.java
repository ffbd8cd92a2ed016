package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthgen plan --from}: a folder of CSV files becomes a plan that {@code generate} runs. */
class PlanFromDataTest {

  @TempDir
  Path dir;

  private Path data() throws Exception {
    Path src = Files.createDirectories(dir.resolve("crm"));
    StringBuilder accounts = new StringBuilder("account_id,segment,opened\n");
    for (int i = 1; i <= 300; i++) {
      String segment = i % 100 == 7 ? "Secret Segment" : i % 3 == 0 ? "SMB" : "Consumer";
      accounts.append(i).append(',').append(segment).append(",2024-0").append(1 + i % 9).append("-1")
          .append(i % 9).append('\n');
    }
    Files.writeString(src.resolve("accounts.csv"), accounts);
    StringBuilder tickets = new StringBuilder("ticket_id,account_id,priority,\"opened, at\"\n");
    for (int i = 1; i <= 2000; i++) {
      tickets.append("T-").append(100000 + i).append(',').append(1 + (i * 7919) % 250).append(',')
          .append(i % 4 == 0 ? "high" : "low").append(",2024-05-0").append(1 + i % 9).append(" 1")
          .append(i % 10).append(":00:00\n");
    }
    Files.writeString(src.resolve("tickets.csv"), tickets);
    return src;
  }

  @Test
  void planFromAFolderRunsAndKeepsRareValuesOut() throws Exception {
    Path src = data();
    Result r = CliRun.run("plan", "--from", src.toString(), "--seed", "5");
    assertEquals(0, r.code(), r.toString());
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertEquals(2, plan.path("tables").size());
    assertEquals("accounts", plan.path("tables").get(0).path("name").asText());
    assertEquals(300, plan.path("tables").get(0).path("rows").asLong());
    assertFalse(r.out().contains("Secret Segment"), r.out());
    assertTrue(r.out().contains("\"references\": \"accounts.account_id\""), r.out());
    assertTrue(r.out().contains("opened_at"), "a header that is not an identifier becomes one: " + r.out());

    Path planFile = dir.resolve("plan.json");
    Files.writeString(planFile, r.out());
    Path out = dir.resolve("out");
    Result g = CliRun.run("generate", planFile.toString(), "--out", out.toString(), "--threads", "1");
    assertEquals(0, g.code(), g.toString());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + out.resolve("tickets.parquet")
          + "') t LEFT JOIN read_parquet('" + out.resolve("accounts.parquet") + "') a USING (account_id) "
          + "WHERE a.account_id IS NULL");
      rs.next();
      assertEquals(0, rs.getLong(1), "orphan tickets");
      rs = s.executeQuery("SELECT count(DISTINCT ticket_id) FROM read_parquet('" + out.resolve("tickets.parquet")
          + "')");
      rs.next();
      assertEquals(2000, rs.getLong(1), "ticket ids are a key");
    }
    // T-1##### has too few values to draw 2,000 distinct keys by chance: the key becomes a UUID, and says why
    assertTrue(r.out().contains("random UUIDs, as the source's shape T-10#### has too few values"), r.out());
  }

  @Test
  void rowsScaleTheLargestTableAndMinCountApplies() throws Exception {
    Path src = data();
    Result r = CliRun.run("plan", "--from", src.toString(), "--rows", "4000", "--min-count", "1");
    assertEquals(0, r.code(), r.toString());
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertEquals(4000, plan.path("tables").get(1).path("rows").asLong());
    assertEquals(600, plan.path("tables").get(0).path("rows").asLong());
    assertTrue(r.out().contains("Secret Segment"), "with --min-count 1 every value may be copied");
  }

  @Test
  void aTemplateAndFromTogetherAreRefused() throws Exception {
    Result r = CliRun.run("plan", "retail", "--from", dir.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("not several"), r.err());
    Result missing = CliRun.run("plan", "--from", dir.resolve("nothing").toString());
    assertEquals(2, missing.code(), missing.toString());
    assertTrue(missing.err().contains("no such file or folder"), missing.err());
  }
}
