package io.synthgen.testing;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small plans written inline, the shipped templates and bench plans, resolved and evaluated. */
public final class Plans {

  private Plans() {
  }

  /** A plan document around the given {@code tables} JSON array body. */
  public static String document(long seed, String tables) {
    return """
        {"format": "synthgen.plan/v1", "name": "test", "seed": %d, "reference_date": "2025-01-01",
         "tables": [%s]}
        """.formatted(seed, tables);
  }

  /** One table {@code t} with {@code rows} rows and the given column objects. */
  public static String table(String name, long rows, String... columns) {
    return "{\"name\": \"" + name + "\", \"rows\": " + rows + ", \"columns\": [" + String.join(",\n", columns) + "]}";
  }

  public static Plan read(String json) {
    try {
      return PlanCodec.read(json);
    } catch (PlanException e) {
      throw new AssertionError("test plan is invalid: " + e.getMessage(), e);
    }
  }

  public static ResolvedPlan resolve(String json) {
    return resolve(read(json));
  }

  public static ResolvedPlan resolve(Plan plan) {
    try {
      return Resolver.resolve(plan);
    } catch (PlanException e) {
      throw new AssertionError("test plan does not resolve: " + e.getMessage(), e);
    }
  }

  /** A one-table plan {@code t}, seed 7, resolved. */
  public static ResolvedPlan single(long rows, String... columns) {
    return resolve(document(7, table("t", rows, columns)));
  }

  /** The first {@code n} rows of a table, ready to ask for any column (helpers included). */
  public static TableEvaluator rows(ResolvedPlan plan, String table, int n) {
    return TableEvaluator.range(plan, plan.table(table), 0, n);
  }

  /** A shipped template, scaled to {@code rows} main-table rows. */
  public static Plan template(String name, long rows) {
    try {
      return Scaling.scale(Templates.load(name), rows);
    } catch (PlanException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The repository root: surefire sets {@code synthgen.root}; falls back to the module's parent. */
  public static Path root() {
    String p = System.getProperty("synthgen.root");
    if (p != null && Files.isDirectory(Path.of(p, "bench"))) {
      return Path.of(p);
    }
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("bench")) ? here : here.getParent();
  }

  /** A benchmark plan ({@code bench/plans/w1-customers.json}), scaled to {@code rows} main-table rows. */
  public static Plan bench(String file, long rows) {
    try {
      return Scaling.scale(PlanCodec.read(Files.readString(root().resolve("bench/plans").resolve(file))), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PlanException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A shipped template at {@code rows} main-table rows, generated to Parquet in {@code dir} on 2 threads. */
  public static io.synthgen.run.RunResult runTemplate(String name, long rows, Path dir) throws java.io.IOException {
    return io.synthgen.run.Runs.generate(resolve(template(name, rows)), dir,
        io.synthgen.output.WriterOptions.parquetZstd(), new io.synthgen.engine.Engine(2, 16_384),
        io.synthgen.engine.Progress.NONE, new io.synthgen.engine.Cancellation());
  }
}
