package io.synthgen.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.engine.Engine;
import io.synthgen.output.TableReader;
import io.synthgen.output.formats.TableReaders;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.validate.Check;
import io.synthgen.validate.ValidationReport;
import io.synthgen.validate.Validator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code synthgen validate DIR}: reads a run's files back and checks them against its plan and manifest. */
@Command(name = "validate", description = "Read a run's files back and check them against the plan.json and "
    + "manifest.json beside them: checksums, row counts, null rates, weights, ranges, unique keys, foreign keys.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by 'synthgen generate'.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Path manifestFile = dir.resolve("manifest.json");
    Path planFile = dir.resolve("plan.json");
    if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(planFile)) {
      throw new IllegalArgumentException(dir + " has no manifest.json and plan.json; point at a folder written by "
          + "'synthgen generate'");
    }
    JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
    ResolvedPlan plan = io.synthgen.resolve.Resolver.resolve(PlanCodec.read(Files.readString(planFile)));
    Validator validator = new Validator(plan);
    List<Check> fileChecks = new ArrayList<>();
    for (JsonNode t : manifest.path("tables")) {
      String name = t.path("name").asText();
      ResolvedTable table = plan.table(name);
      List<String> tops = new ArrayList<>();
      for (JsonNode f : t.path("files")) {
        Path p = dir.resolve(f.path("path").asText());
        String actual = sha256(p);
        String expected = f.path("sha256").asText();
        fileChecks.add(new Check(name, null, "sha256 " + f.path("path").asText(), expected, actual,
            expected.equals(actual)));
        String rel = f.path("path").asText();
        String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
        if (!tops.contains(top)) {
          tops.add(top);
        }
      }
      for (String top : tops) {
        try (TableReader r = TableReaders.open(dir.resolve(top), Engine.outputColumns(table))) {
          while (r.hasNext()) {
            validator.accept(name, r.next());
          }
        } catch (java.io.IOException | RuntimeException e) {
          // a damaged file is a failed check of this run, not a failure of the command; the rest is still checked
          fileChecks.add(new Check(name, null, "read " + top, "a readable file", String.valueOf(e.getMessage()),
              false));
        }
      }
    }
    ValidationReport report = validator.finish();
    List<Check> all = new ArrayList<>(fileChecks);
    all.addAll(report.checks());
    long failed = all.stream().filter(c -> !c.passed()).count();
    for (Check c : all) {
      System.out.println(c);
    }
    System.out.println("validation: " + all.size() + " checks, " + failed + " failed");
    return failed == 0 ? 0 : Errors.VALIDATION_FAILED;
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
