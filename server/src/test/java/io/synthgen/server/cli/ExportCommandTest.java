package io.synthgen.server.cli;

import static io.synthgen.server.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.server.catalog.databricks.NotebookCells;
import io.synthgen.server.export.ExportPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthgen export}: the three formats written to files, and the refusals with their exit codes. */
class ExportCommandTest {

  @TempDir
  Path dir;
  Path plan;

  @BeforeEach
  void planFile() throws Exception {
    plan = Files.writeString(dir.resolve("plan.json"), ExportPlans.STRUCTURAL);
  }

  @Test
  void writesANotebookWithQualifiedNames() throws Exception {
    Path out = dir.resolve("exported.py");
    CliRun.Result r = run("export", plan.toString(), "--format", "notebook", "--catalog", "demo", "--schema",
        "synthetic", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("wrote " + out.toAbsolutePath() + ": a Databricks notebook (import it, or run it "
        + "as a job) of plan exported, 3 tables, 1,812 rows ("), r.out());
    List<List<String>> cells = NotebookCells.parse(Files.readString(out));
    assertEquals(5, cells.size());
    assertTrue(cells.get(2).get(0).startsWith("CREATE OR REPLACE TABLE `demo`.`synthetic`.`regions` USING DELTA"));
  }

  @Test
  void refusesToReplaceAFileWithoutForce() throws Exception {
    Path out = dir.resolve("exported.sql");
    assertEquals(0, run("export", plan.toString(), "--format", "sql", "--out", out.toString()).code());
    String first = Files.readString(out);
    assertTrue(first.startsWith("-- synthgen export of plan exported, seed 11\n"), first.substring(0, 80));
    CliRun.Result again = run("export", plan.toString(), "--format", "sql", "--seed", "12", "--out", out.toString());
    assertEquals(Errors.BAD_INPUT, again.code(), again.toString());
    assertTrue(again.err().contains("already exists; give another --out, or add --force to replace it"),
        again.err());
    assertEquals(first, Files.readString(out), "untouched");
    CliRun.Result forced = run("export", plan.toString(), "--format", "pyspark", "--seed", "12", "--force",
        "--out", out.toString());
    assertEquals(0, forced.code(), forced.toString());
    assertTrue(Files.readString(out).contains("# synthgen export of plan exported, seed 12"));
  }

  @Test
  void badInputIsExitTwoWithTheFix() throws Exception {
    CliRun.Result format = run("export", plan.toString(), "--format", "dbc", "--out", dir.resolve("x").toString());
    assertEquals(Errors.BAD_INPUT, format.code(), format.toString());
    assertTrue(format.err().contains("unknown export format 'dbc'; use sql, notebook or pyspark"), format.err());
    CliRun.Result folder = run("export", plan.toString(), "--format", "sql", "--out",
        dir.resolve("missing/x.sql").toString());
    assertEquals(Errors.BAD_INPUT, folder.code(), folder.toString());
    assertTrue(folder.err().contains("does not exist; export writes into an existing folder"), folder.err());
    CliRun.Result half = run("export", plan.toString(), "--format", "sql", "--catalog", "demo", "--out",
        dir.resolve("x.sql").toString());
    assertEquals(Errors.BAD_INPUT, half.code(), half.toString());
    assertTrue(half.err().contains("give both the catalog and the schema, or neither"), half.err());
    CliRun.Result batch = run("export", plan.toString(), "--format", "sql", "--batch", "1", "--out",
        dir.resolve("x.sql").toString());
    assertEquals(Errors.BAD_INPUT, batch.code(), batch.toString());
    assertTrue(batch.err().contains("plan exported has no series, so it has no batch 1"), batch.err());
    assertTrue(Files.notExists(dir.resolve("x.sql")), "nothing written");
  }
}
