package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static io.synthgen.server.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Plan;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.server.cli.CliRun.Result;
import io.synthgen.testing.Duck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, what goes to stdout and stderr, the files it writes. */
class MainTest {

  @TempDir
  Path dir;

  /** A mistake the user can fix: exit 2, a short message on stderr, never a stack trace. */
  static Result badInput(String... args) {
    Result r = run(args);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: "), r.toString());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r);
    return r;
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void templatesListsRetail() {
    Result r = run("templates");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("retail - "), r.out());
    assertTrue(r.out().contains("line_items"), r.out());
  }

  @Test
  void dictionariesListsTheirNames() {
    Result r = run("dictionaries");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("first_name") && r.out().contains("street_address"), r.out());
  }

  @Test
  void planPrintsAPlanThatReadsBack() throws Exception {
    Result r = run("plan", "retail", "--rows", "100");
    assertEquals(0, r.code(), r.toString());
    Plan p = PlanCodec.read(r.out());
    assertEquals(100, p.table("customers").orElseThrow().rows());
    assertEquals(500, p.table("transactions").orElseThrow().rows());
    Result seeded = run("plan", "retail", "--rows", "100", "--seed", "7");
    assertEquals(7, PlanCodec.read(seeded.out()).seed());
  }

  @Test
  void generateThenValidateThenCorrupt() throws Exception {
    Path out = dir.resolve("retail");
    Result g = run("generate", "retail", "--rows", "500", "--out", out.toString(), "--threads", "2");
    assertEquals(0, g.code(), g.toString());
    assertTrue(g.out().contains("validation: ") && g.out().contains(", 0 failed"), g.out());
    assertEquals(List.of("customers.parquet", "inventory.parquet", "line_items.parquet", "manifest.json",
        "plan.json", "products.parquet", "transactions.parquet"), names(out));
    try (Duck duck = new Duck()) {
      assertEquals(500, duck.count("SELECT count(*) FROM '" + out.resolve("customers.parquet") + "'"));
    }

    Result ok = run("validate", out.toString());
    assertEquals(0, ok.code(), ok.toString());
    assertTrue(ok.out().contains(", 0 failed"), ok.out());

    // flip a byte inside the data of one file
    Path victim = out.resolve("products.parquet");
    byte[] b = Files.readAllBytes(victim);
    b[b.length / 2] ^= 0x5A;
    Files.write(victim, b);
    Result bad = run("validate", out.toString());
    assertEquals(3, bad.code(), bad.toString());
    assertTrue(bad.out().lines().anyMatch(l -> l.startsWith("FAIL products sha256 products.parquet")), bad.out());
  }

  @Test
  void validateCatchesAnEditedManifestAndAnEditedPlan() throws Exception {
    Path out = dir.resolve("edited");
    assertEquals(0, run("generate", "retail", "--rows", "200", "--out", out.toString()).code());
    Path manifest = out.resolve("manifest.json");
    String original = Files.readString(manifest);
    Files.writeString(manifest, original.replaceFirst("\"rows\" : 200,", "\"rows\" : 201,"));
    Result rows = run("validate", out.toString());
    assertEquals(3, rows.code(), rows.toString());
    assertTrue(rows.out().lines().anyMatch(l -> l.startsWith("FAIL customers manifest rows: expected 201")),
        rows.out());
    Files.writeString(manifest, original);

    Path plan = out.resolve("plan.json");
    Files.writeString(plan, Files.readString(plan).replace("customers", "clients"));
    Result edited = run("validate", out.toString());
    assertEquals(3, edited.code(), edited.toString());
    assertTrue(edited.out().lines().anyMatch(l -> l.startsWith("FAIL plan.json hash")), edited.out());
  }

  @Test
  void aFolderHoldingOtherFilesIsRefusedAsBadInput() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep");
    Result r = badInput("generate", "retail", "--rows", "50", "--out", mine.toString());
    assertTrue(r.err().contains("notes.txt") && r.err().contains("choose an empty or new output folder")
        && !r.err().contains("free space"), r.toString());
    assertEquals(List.of("notes.txt"), names(mine));
  }

  @Test
  void validateReportsAnUnreadableFileAsAFailedCheck() throws Exception {
    Path out = dir.resolve("cut");
    assertEquals(0, run("generate", "retail", "--rows", "300", "--out", out.toString()).code());
    Path victim = out.resolve("inventory.parquet");
    byte[] b = Files.readAllBytes(victim);
    Files.write(victim, java.util.Arrays.copyOf(b, b.length - 20));
    Result bad = run("validate", out.toString());
    assertEquals(3, bad.code(), bad.toString());
    assertTrue(bad.out().contains("FAIL inventory sha256"), bad.out());
    assertTrue(bad.out().lines().anyMatch(l -> l.startsWith("FAIL inventory read")), bad.out());
    assertTrue(bad.out().contains("ok   customers rows"), "the other tables are still checked: " + bad.out());
  }

  @Test
  void validateCatchesAnEditedCsvValue() throws Exception {
    Path out = dir.resolve("csv");
    assertEquals(0, run("generate", "retail", "--rows", "300", "--out", out.toString(), "--format", "csv").code());
    Path customers = out.resolve("customers.csv");
    String text = Files.readString(customers);
    Files.writeString(customers, text.replaceFirst(",Bronze\n", ",Diamond\n"));
    Result bad = run("validate", out.toString());
    assertEquals(3, bad.code(), bad.toString());
    assertTrue(bad.out().contains("FAIL customers sha256"), bad.out());
    assertTrue(bad.out().contains("FAIL customers.loyalty_tier weights"), bad.out());
  }

  @Test
  void generateWritesCsvAndJsonl() throws Exception {
    Path csv = dir.resolve("csv");
    Result c = run("generate", "retail", "--rows", "200", "--out", csv.toString(), "--format", "csv");
    assertEquals(0, c.code(), c.toString());
    assertTrue(names(csv).containsAll(List.of("customers.csv", "line_items.csv", "manifest.json")), names(csv)
        .toString());
    Path jsonl = dir.resolve("jsonl");
    Result j = run("generate", "retail", "--rows", "200", "--out", jsonl.toString(), "--format", "jsonl",
        "--compression", "gzip");
    assertEquals(0, j.code(), j.toString());
    assertTrue(names(jsonl).contains("transactions.jsonl.gz"), names(jsonl).toString());
    try (Duck duck = new Duck()) {
      assertEquals(200, duck.count("SELECT count(*) FROM read_csv('" + csv.resolve("customers.csv") + "')"));
      assertEquals(1000, duck.count("SELECT count(*) FROM read_json('" + jsonl.resolve("transactions.jsonl.gz")
          + "')"));
    }
    assertEquals(0, run("validate", csv.toString()).code());
    assertEquals(0, run("validate", jsonl.toString()).code());
  }

  @Test
  void samplePrintsEveryTableAndCanWriteFiles() throws Exception {
    Path out = dir.resolve("sample");
    Result r = run("sample", "retail", "--per-table", "20", "--head", "3", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    for (String t : List.of("customers", "products", "transactions", "line_items", "inventory")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(t + ": ") && l.contains(" sample rows of ")),
          t + " in " + r.out());
    }
    assertEquals(new TreeSet<>(List.of("customers.parquet", "inventory.parquet", "line_items.parquet",
        "products.parquet", "transactions.parquet")), new TreeSet<>(names(out)));
    assertEquals(5, run("sample", "retail").out().lines().filter(l -> l.contains(" sample rows of ")).count());
  }

  @Test
  void unknownTemplateNamesTheTemplates() {
    Result r = badInput("generate", "retial", "--out", dir.toString());
    assertTrue(r.err().contains("retial") && r.err().contains("retail"), r.err());
  }

  @Test
  void aPlanFileWithAnErrorNamesItsPath() throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, """
        {"format": "synthgen.plan/v1", "name": "bad", "reference_date": "2025-01-01",
         "tables": [{"name": "t", "rows": 10, "columns": [
           {"name": "id", "type": "bigint", "strategy": "sequence"},
           {"name": "tier", "type": "string", "strategy": "values", "values": ["a", "b"], "weights": [1]}]}]}
        """);
    Result r = badInput("generate", plan.toString(), "--out", dir.resolve("out").toString());
    assertTrue(r.err().contains("tables[0].columns[1].weights"), r.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void everyProblemOfAPlanFileIsReportedAtOnce() throws Exception {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, """
        {"format": "synthgen.plan/v1", "name": "bad", "reference_date": "2025-01-01",
         "tables": [{"name": "t", "rows": 10, "columns": [
           {"name": "id", "type": "bigint", "strategy": "sequence"},
           {"name": "who", "type": "string", "strategy": "dictionary", "dictionary": "first_names"},
           {"name": "tier", "type": "string", "strategy": "values", "values": ["a", "b"], "weights": [1]}]}]}
        """);
    Result r = run("plan", plan.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("tables[0].columns[1].dictionary"), "the dictionary: " + r.err());
    assertTrue(r.err().contains("tables[0].columns[2].weights"), "and the weights: " + r.err());
    assertTrue(r.err().contains("first_name"), "suggests the right name: " + r.err());
  }

  @Test
  void negativeRowsAreRejected() {
    Result r = badInput("generate", "retail", "--rows", "-5", "--out", dir.toString());
    assertTrue(r.err().contains("-5"), r.err());
  }

  @Test
  void aMissingPlanFileAndAMissingRunFolderAreBadInput() {
    badInput("plan", dir.resolve("nope.json").toString());
    Result v = badInput("validate", dir.resolve("empty").toString());
    assertTrue(v.err().contains("manifest.json"), v.err());
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    Result r = run("generate", "retail", "--rowz", "5");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--rowz"), r.err());
  }
  @Test
  void everyCommandAnswersHelpAndVersion() {
    for (String command : new picocli.CommandLine(new Main()).getSubcommands().keySet()) {
      Result help = run(command, "--help");
      assertEquals(0, help.code(), help.toString());
      assertTrue(help.out().startsWith("Usage: synthgen " + command + " "), help.out());
      assertTrue(help.out().contains("--help"), help.out());
      Result version = run(command, "-V");
      assertEquals(0, version.code(), version.toString());
      assertTrue(version.out().startsWith("synthgen "), version.out());
    }
    Result top = run("--help");
    assertEquals(0, top.code(), top.toString());
    assertTrue(top.out().contains("generate") && top.out().contains("publish"), "lists the commands: " + top.out());
    Result bare = run();
    assertEquals(0, bare.code(), bare.toString());
    assertEquals(top.out(), bare.out(), "synthgen alone prints the same usage");
  }

  @Test
  void aCommandMistakeShowsThatCommandsUsage() {
    Result r = run("generate");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("<industry|plan.json>") && r.err().contains("Usage: synthgen generate"), r.err());
    assertNull(Main.subcommand("generat"), "a misspelt command goes to synthgen's own usage");
    Result misspelt = run("generat", "retail");
    assertEquals(2, misspelt.code(), misspelt.toString());
    assertTrue(misspelt.err().contains("generat"), misspelt.err());
  }
}
