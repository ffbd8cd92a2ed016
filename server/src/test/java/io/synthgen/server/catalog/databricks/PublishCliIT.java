package io.synthgen.server.catalog.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthgen publish} as a person runs it: the packaged jar, signed in through the environment. */
class PublishCliIT {

  private static WorkspaceStandIn ws;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    ws = WorkspaceStandIn.start().addCatalog("demo").addWarehouse("wh1", "Serverless", "RUNNING", true);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void dryRunThenPublishThenRefuseWithoutConfirmation() throws Exception {
    Result dry = publish("--dry-run");
    assertEquals(0, dry.code, dry.err);
    assertTrue(dry.out.contains("CREATE OR REPLACE TABLE `demo`.`cli`.`line_items` USING DELTA"), dry.out);
    assertTrue(dry.out.contains("create the schema demo.cli"), dry.out);
    assertFalse(Files.exists(dir.resolve("output")), "a dry run generates nothing");

    Result noTerminal = publish();
    assertEquals(2, noTerminal.code, noTerminal.out + noTerminal.err);
    assertTrue(noTerminal.err.contains("--yes"), noTerminal.err);

    Result done = publish("--yes");
    assertEquals(0, done.code, done.err);
    assertTrue(done.out.contains("published to demo.cli"), done.out);
    assertTrue(done.out.contains("demo.cli.transactions"), done.out);
    assertEquals(600, ws.sparkTable("demo", "cli", "customers").count());
    assertEquals(0, ws.spark().sql("SELECT count(*) FROM " + ws.sparkName("demo", "cli", "line_items")
        + " l LEFT ANTI JOIN " + ws.sparkName("demo", "cli", "products") + " p ON l.product_id = p.product_id")
        .first().getLong(0));

    Result strict = publish("--yes", "--mode", "fail-if-exists");
    assertEquals(2, strict.code, strict.out + strict.err);
    assertTrue(strict.err.contains("demo.cli.customers already exists"), strict.err);
    assertTrue(strict.err.contains("fix:"), strict.err);
  }

  private Result publish(String... extra) throws IOException, InterruptedException {
    String jar = System.getProperty("synthgen.jar", "target/synthgen.jar");
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar, "publish", "retail", "--rows", "600",
        "--catalog", "demo", "--schema", "cli"));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(ws.environment());
    pb.environment().put("CI", "true");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "publish finished");
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {
  }
}
