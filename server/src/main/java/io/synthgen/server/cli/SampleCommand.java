package io.synthgen.server.cli;

import io.synthgen.engine.Engine;
import io.synthgen.engine.Preview;
import io.synthgen.output.EncodedChunk;
import io.synthgen.output.TableWriter;
import io.synthgen.output.formats.TableWriters;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Batch;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synthgen sample}: a preview made of rows of the full run, closed over foreign keys. */
@Command(name = "sample", description = "Preview a plan: about 100 rows per table that are exactly rows of the full "
    + "run, with every referenced parent row included; prints the first rows of each table.")
final class SampleCommand implements Callable<Integer> {

  @Mixin
  PlanSource source;

  @Option(names = "--per-table", paramLabel = "N", defaultValue = "100",
      description = "Rows to pick per table before adding referenced parents (default 100).")
  int perTable;

  @Option(names = "--head", paramLabel = "N", defaultValue = "20", description = "Rows to print per table (default 20).")
  int head;

  /** --out here means: also write the sample's files there. */
  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws Exception {
    if (perTable < 1) {
      throw new IllegalArgumentException("--per-table must be at least 1");
    }
    ResolvedPlan resolved = Resolver.resolve(source.load());
    Map<String, Batch> sample = Preview.generate(resolved, perTable);
    for (Map.Entry<String, Batch> e : sample.entrySet()) {
      Batch b = e.getValue();
      System.out.printf(java.util.Locale.ROOT, "%s: %d sample rows of %,d%n", e.getKey(), b.size(),
          resolved.table(e.getKey()).rows());
      System.out.println(io.synthgen.server.view.Samples.head(b, head));
    }
    java.nio.file.Path out = output.out;
    if (out != null) {
      Files.createDirectories(out);
      for (Map.Entry<String, Batch> e : sample.entrySet()) {
        try (TableWriter w = TableWriters.open(out, e.getKey(), Engine.outputColumns(resolved.table(e.getKey())),
            output.writerOptions(resolved.plan()))) {
          EncodedChunk chunk = w.encode(e.getValue());
          w.append(chunk);
          w.commit();
        }
      }
      System.out.println("sample files written to " + out);
    }
    return 0;
  }
}
