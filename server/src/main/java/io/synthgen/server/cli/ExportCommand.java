package io.synthgen.server.cli;

import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.server.export.ExportFiles;
import io.synthgen.server.export.ExportFormat;
import io.synthgen.server.export.ExportScript;
import io.synthgen.server.export.Exports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synthgen export}: the plan compiled to Spark SQL, as a Databricks SQL file, a notebook or a PySpark script
 * that recreates every table inside Databricks (or any Spark with Delta Lake), carrying the plan as a header.
 */
@Command(name = "export", description = "Write a plan as Spark SQL that recreates every table on Databricks, with "
    + "the same rows as synthgen generate: synthgen export retail --format notebook --catalog main --schema demo "
    + "--out retail.py")
final class ExportCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Option(names = "--format", paramLabel = "FMT", required = true, converter = FormatConverter.class,
      description = "sql (a Databricks SQL file), notebook (a Python notebook in Databricks source format) or "
          + "pyspark (a PySpark script).")
  ExportFormat format;

  @Option(names = "--catalog", paramLabel = "C", description = "Unity Catalog catalog of the tables (with --schema; "
      + "default: unqualified names, the current schema).")
  String catalog;

  @Option(names = "--schema", paramLabel = "S", description = "Schema of the tables (with --catalog); created if "
      + "missing.")
  String schema;

  @Option(names = "--batch", paramLabel = "K", description = "Batch K of the plan's series (default 0 for a plan "
      + "with a series).")
  Long batch;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
      description = "The file to write, in an existing folder.")
  Path out;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    Path target = source.workingDir.resolve(out);
    ExportFiles.check(target, force);
    ResolvedPlan resolved = Resolver.resolve(source.load());
    ExportScript script = Exports.script(resolved, null, 0, new Exports.Request(format, catalog, schema, batch),
        Exports.version());
    String text = Exports.text(format, script);
    Path file = ExportFiles.write(target, text, force);
    System.out.printf(Locale.ROOT, "wrote %s: %s of plan %s, %d tables, %,d rows (%,d bytes)%n", file,
        describe(format), resolved.plan().name(), script.tables().size(),
        script.tables().stream().mapToLong(ExportScript.Step::rows).sum(),
        text.getBytes(StandardCharsets.UTF_8).length);
    return 0;
  }

  private static String describe(ExportFormat f) {
    switch (f) {
      case SQL: return "a Databricks SQL file";
      case NOTEBOOK: return "a Databricks notebook (import it, or run it as a job)";
      case PYSPARK: return "a PySpark script (spark-submit it)";
    }
    throw new IllegalStateException(f.name());
  }

  /** picocli: a format name, with the formats in the message of a wrong one. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
      try {
        return ExportFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
