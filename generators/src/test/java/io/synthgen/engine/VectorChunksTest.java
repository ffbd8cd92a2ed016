package io.synthgen.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.output.FileEntry;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.DataType;
import io.synthgen.plan.json.PlanCodec;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import io.synthgen.run.RunResult;
import io.synthgen.run.Runs;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk evaluated in vectors is the batch the whole chunk gives: the same rows, values, null masks and string
 * layouts, for every table of every template, both benchmark plans and a plan of every strategy, and the same
 * Parquet bytes.
 */
class VectorChunksTest {

  @TempDir
  Path dir;

  private static List<ResolvedPlan> plans() throws Exception {
    List<ResolvedPlan> plans = new ArrayList<>();
    for (String t : List.of("retail", "healthcare", "financial", "iot", "manufacturing")) {
      plans.add(Plans.resolve(Plans.template(t, 2_000)));
    }
    plans.add(Plans.resolve(Plans.bench("w1-customers.json", 5_000)));
    plans.add(Plans.resolve(Plans.bench("w2-transactions.json", 5_000)));
    Path every = Plans.root().resolve("server/src/test/resources/compile/every-strategy.json");
    plans.add(Plans.resolve(PlanCodec.read(Files.readString(every))));
    return plans;
  }

  @Test
  void everyTableInVectorsIsTheWholeChunkWithoutFallingBack() throws Exception {
    int checked = 0;
    for (ResolvedPlan plan : plans()) {
      for (ResolvedTable t : plan.tables()) {
        TableSource source = TableSource.of(plan, t);
        long first = Math.min(37, t.rows() / 3);
        int n = (int) Math.min(2_500, t.rows() - first);
        if (n < 2) {
          continue;
        }
        Batch whole = source.chunk(first, n);
        for (int v : new int[] {1, 7, 1_000}) {
          int rows = v == 1 ? Math.min(n, 60) : n;
          Batch expected = v == 1 ? source.chunk(first, rows) : whole;
          List<Batch> parts = new ArrayList<>();
          for (int off = 0; off < rows; off += v) {
            parts.add(source.chunk(first + off, Math.min(v, rows - off)));
          }
          Batch joined = VectorChunks.join(parts, rows);
          String where = t.name() + " in vectors of " + v;
          assertNotNull(joined, where + ": the vectors' layouts disagree, so the chunk would be evaluated whole");
          assertSameBatch(expected, joined, where);
          assertSameBatch(expected, source.chunk(first, rows, v), where + " through the source");
          checked++;
        }
      }
    }
    assertTrue(checked > 60, "tables checked: " + checked);
  }

  @Test
  void parquetBytesAreTheSameForAnyVectorSize() throws Exception {
    ResolvedPlan plan = Plans.resolve(Plans.template("healthcare", 3_000));
    Map<String, String> whole = files(plan, "whole", 8_192);
    assertEquals(whole, files(plan, "v1000", 1_000));
    assertEquals(whole, files(plan, "v333", 333));
    ResolvedPlan w1 = Plans.resolve(Plans.bench("w1-customers.json", 20_000));
    assertEquals(files(w1, "w1-whole", 8_192), files(w1, "w1-v2048", 2_048));
  }

  private Map<String, String> files(ResolvedPlan plan, String name, int vectorRows) throws Exception {
    RunResult r = Runs.generate(plan, dir.resolve(name), WriterOptions.parquetZstd(),
        new Engine(2, 8_192, vectorRows), Progress.NONE, new Cancellation());
    assertTrue(r.validation().passed(), "validation: " + r.validation().failures());
    Map<String, String> out = new LinkedHashMap<>();
    for (TableRun t : r.tables()) {
      for (FileEntry f : t.files()) {
        out.put(t.table() + "/" + f.path(), f.sha256());
      }
    }
    return out;
  }

  @Test
  void vectorsCodedIntoDifferentDictionariesOrLayoutsAreNotJoined() {
    StrDict a = new StrDict(List.of("x", "y"));
    StrDict b = new StrDict(List.of("x", "y"));
    Batch coded = batch(0, StrVec.dictionary(a, new int[] {0, 1}, 2));
    assertNull(VectorChunks.join(List.of(coded, batch(2, StrVec.dictionary(b, new int[] {1, 0}, 2))), 4));
    assertNull(VectorChunks.join(List.of(coded, batch(2, StrVec.plain(new String[] {"x", "y"}, 2))), 4));
    assertNull(VectorChunks.join(List.of(batch(0, new LongVec(DataType.BIGINT, new long[] {1, 2}, 2)),
        batch(2, new DoubleVec(new double[] {1, 2}, 2))), 4));
    Batch joined = VectorChunks.join(List.of(coded, batch(2, StrVec.dictionary(a, new int[] {1, 1}, 2))), 4);
    StrVec s = (StrVec) joined.vectors().get(0);
    assertSame(a, s.dict);
    assertArrayEquals(new int[] {0, 1, 1, 1}, s.codes);
  }

  @Test
  void theChunkIsEvaluatedWholeWhenItsVectorsDisagree() {
    StrDict[] dicts = {new StrDict(List.of("x")), new StrDict(List.of("x"))};
    int[] calls = new int[1];
    Batch b = VectorChunks.evaluate(10, 4, (off, count) -> {
      calls[0]++;
      StrDict d = count == 10 ? dicts[0] : dicts[off / 4 % 2];
      return batch(off, StrVec.dictionary(d, new int[count], count));
    });
    assertEquals(4, calls[0], "three vectors, then the whole chunk");
    assertEquals(10, b.size());
    assertSame(dicts[0], ((StrVec) b.vectors().get(0)).dict);
  }

  @Test
  void utf8VectorsJoinWithTheirOffsetsAndNullsMoved() {
    byte[] bytes = "..abcde".getBytes(StandardCharsets.UTF_8);
    StrVec p = StrVec.utf8(bytes, new int[] {2, 4, 4, 7}, 3);
    p.setNull(1);
    StrVec q = StrVec.utf8("zz".getBytes(StandardCharsets.UTF_8), new int[] {0, 2}, 1);
    BoolVec f = new BoolVec(new boolean[] {true, false, true}, 3);
    BoolVec g = new BoolVec(new boolean[] {true}, 1);
    g.setNull(0);
    Batch joined = VectorChunks.join(List.of(batch(0, p, f), batch(3, q, g)), 4);
    StrVec s = (StrVec) joined.vectors().get(0);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      values.add(s.str(i));
    }
    assertEquals(java.util.Arrays.asList("ab", null, "cde", "zz"), values);
    assertArrayEquals(new boolean[] {false, false, false, true}, joined.vectors().get(1).nulls());
    assertArrayEquals(new long[] {0, 1, 2, 3}, joined.rows());
  }

  private static Batch batch(long first, Vec... vecs) {
    int n = vecs[0].size();
    long[] rows = new long[n];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows[i] = first + i;
    }
    for (int c = 0; c < vecs.length; c++) {
      names.add("c" + c);
    }
    return new Batch(rows, n, names, List.of(vecs));
  }

  private static void assertSameBatch(Batch expected, Batch actual, String where) {
    assertEquals(expected.size(), actual.size(), where);
    assertArrayEquals(java.util.Arrays.copyOf(expected.rows(), expected.size()),
        java.util.Arrays.copyOf(actual.rows(), actual.size()), where);
    assertEquals(expected.names(), actual.names(), where);
    for (int c = 0; c < expected.vectors().size(); c++) {
      Vec e = expected.vectors().get(c);
      Vec a = actual.vectors().get(c);
      String col = where + ", column " + expected.names().get(c);
      assertEquals(e.getClass(), a.getClass(), col);
      assertEquals(e.type(), a.type(), col);
      if (e instanceof StrVec es) {
        StrVec as = (StrVec) a;
        assertEquals(es.isDictionary(), as.isDictionary(), col + ": dictionary layout");
        assertEquals(es.isUtf8(), as.isUtf8(), col + ": UTF-8 layout");
        if (es.isDictionary()) {
          assertSame(es.dict, as.dict, col + ": the dictionary");
        }
      }
      assertEquals(e.nulls() != null, a.nulls() != null, col + ": a null mask");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(e.isNull(i), a.isNull(i), col + " row " + i + " null");
        assertEquals(e.get(i), a.get(i), col + " row " + i);
        if (e instanceof DoubleVec ed && !e.isNull(i)) {
          assertEquals(Double.doubleToRawLongBits(ed.values[i]),
              Double.doubleToRawLongBits(((DoubleVec) a).values[i]), col + " row " + i + " bits");
        }
      }
    }
  }
}
