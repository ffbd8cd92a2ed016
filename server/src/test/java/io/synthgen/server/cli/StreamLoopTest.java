package io.synthgen.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.TableSource;
import io.synthgen.output.OutputColumn;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Destination;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Landing;
import io.synthgen.template.Scaling;
import io.synthgen.template.Templates;
import io.synthgen.vec.Batch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamLoopTest {

  private static final ResolvedPlan PLAN = plan();
  private static final WriterOptions JSON = new WriterOptions(Destination.Format.JSONL, Destination.Compression.NONE,
      40);

  @TempDir
  Path tmp;

  private StreamLoop loop(Path root, ByteArrayOutputStream log) {
    return new StreamLoop(PLAN, k -> TableSource.all(PLAN), root, Landing.Layout.BATCHES, JSON, new Engine(2, 64),
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void landsTheBatchesAskedForAndReportsEach() throws Exception {
    Path root = tmp.resolve("stream");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    StreamLoop.Outcome o = loop(root, log).run(0, 3, null, 1e9, new Cancellation(), r -> { });
    assertEquals(3, o.batches().size());
    assertFalse(o.cancelled());
    assertEquals(List.of(0L, 1L, 2L), Landing.landedBatches(root));
    String t = PLAN.tables().get(0).name();
    for (String b : List.of("batch_0000", "batch_0001", "batch_0002")) {
      assertTrue(Files.isRegularFile(root.resolve(t).resolve(b).resolve("part-00000.json")), b);
    }
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("batch 2:") && text.contains("that was the last batch"), text);
    // a second stream into the folder continues where the first stopped
    StreamLoop.Outcome more = loop(root, log).run(Landing.nextBatch(root), 4, null, 1e9, new Cancellation(), r -> { });
    assertEquals(1, more.batches().size());
    assertEquals(List.of(0L, 1L, 2L, 3L), Landing.landedBatches(root));
  }

  @Test
  void aCancelWhileABatchIsWrittenLeavesNoPartialFile() throws Exception {
    Path root = tmp.resolve("stream");
    Cancellation cancel = new Cancellation();
    StreamLoop l = new StreamLoop(PLAN, k -> k == 1 ? cancelling(cancel) : TableSource.all(PLAN), root,
        Landing.Layout.BATCHES, JSON, new Engine(2, 64), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    assertThrows(CancellationException.class, () -> l.run(0, 5, null, 1e9, cancel, r -> { }));
    assertEquals(List.of(0L), Landing.landedBatches(root));
    try (Stream<Path> s = Files.walk(root)) {
      List<String> names = s.map(p -> root.relativize(p).toString()).toList();
      assertTrue(names.stream().noneMatch(n -> n.contains("batch_0001")), names.toString());
      assertTrue(names.stream().noneMatch(n -> n.contains("inprogress") || n.contains(".synthgen-landing-")),
          names.toString());
    }
  }

  @Test
  void aCancelWhileWaitingEndsTheStreamAfterTheLandedBatch() throws Exception {
    Path root = tmp.resolve("stream");
    Cancellation cancel = new Cancellation();
    // a rate of one row per second would wait minutes: the cancel after batch 0 ends the wait at once
    StreamLoop.Outcome o = loop(root, new ByteArrayOutputStream()).run(0, 5, null, 1, cancel, r -> cancel.cancel());
    assertTrue(o.cancelled());
    assertEquals(List.of(0L), Landing.landedBatches(root));
  }

  private static ResolvedPlan plan() {
    try {
      return Resolver.resolve(Scaling.scale(Templates.load("iot"), 300));
    } catch (io.synthgen.plan.PlanException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plan's tables, cancelling the run when the second table's first chunk is made. */
  private static List<TableSource> cancelling(Cancellation cancel) {
    List<TableSource> all = TableSource.all(PLAN);
    TableSource second = all.get(1);
    TableSource c = new TableSource() {
      @Override
      public String name() {
        return second.name();
      }

      @Override
      public List<OutputColumn> columns() {
        return second.columns();
      }

      @Override
      public long rows() {
        return second.rows();
      }

      @Override
      public Batch chunk(long first, int n) {
        cancel.cancel();
        return second.chunk(first, n);
      }

      @Override
      public ResolvedTable table() {
        return second.table();
      }
    };
    return List.of(all.get(0), c, all.get(2));
  }
}
