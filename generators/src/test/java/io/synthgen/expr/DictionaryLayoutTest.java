package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.DataType;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DictionaryLayoutTest {

  private final StrDict names = new StrDict(List.of("Ann", "BOB", "ann", "Cy"));

  @Test
  void perValueFunctionsKeepDictionaryLayoutAndDeduplicate() {
    Fixture f = new Fixture().coded("first_name", names, 0, 1, 2, 3, -1);
    StrVec v = (StrVec) f.eval("lower(first_name)", DataType.STRING);
    assertTrue(v.isDictionary());
    assertEquals(List.of("ann", "bob", "cy"), v.dict.values());
    assertEquals(Arrays.asList("ann", "bob", "ann", "cy", null), f.values("lower(first_name)", DataType.STRING));
    StrVec u = (StrVec) f.eval("upper(trim(first_name))", DataType.STRING);
    assertTrue(u.isDictionary());
    assertEquals(Arrays.asList("ANN", "BOB", "ANN", "CY", null), f.values("upper(first_name)", DataType.STRING));
  }

  @Test
  void derivedDictionaryIsBuiltOncePerSourceDictionary() throws Exception {
    Fixture f = new Fixture().coded("first_name", names, 0, 1, 2, 3);
    CompiledExpr e = f.compile("lower(first_name)", DataType.STRING);
    StrDict first = ((StrVec) e.evaluate(f.input())).dict;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<StrDict>> results = pool.invokeAll(java.util.Collections.nCopies(16,
          () -> ((StrVec) e.evaluate(f.input())).dict));
      for (Future<StrDict> r : results) {
        assertSame(first, r.get());
      }
    } finally {
      pool.shutdown();
    }
    Fixture g = new Fixture().coded("first_name", new StrDict(List.of("Zed")), 0);
    StrVec other = (StrVec) e.evaluate(g.input());
    assertNotSame(first, other.dict);
    assertEquals(List.of("zed"), other.dict.values());
  }

  @Test
  void concatenationProducesPlainLayout() {
    Fixture f = new Fixture().coded("first_name", names, 0, 1);
    StrVec v = (StrVec) f.eval("first_name || '!'", DataType.STRING);
    assertFalse(v.isDictionary());
    assertEquals(List.of("Ann!", "BOB!"), f.values("first_name || '!'", DataType.STRING));
  }

  @Test
  void caseOverConstantsIsDictionaryCoded() {
    Fixture f = new Fixture().longs("n", DataType.BIGINT, 1L, 2L, 3L);
    StrVec v = (StrVec) f.eval("CASE WHEN n = 1 THEN 'one' WHEN n = 2 THEN 'two' END", DataType.STRING);
    assertTrue(v.isDictionary());
    assertEquals(Arrays.asList("one", "two", null), f.values("CASE WHEN n = 1 THEN 'one' WHEN n = 2 THEN 'two' END",
        DataType.STRING));
  }

  @Test
  void comparisonsAndLikeOnDictionaryInput() {
    Fixture f = new Fixture().coded("tier", new StrDict(List.of("Gold", "Platinum")), 1, 0, -1);
    assertEquals(Arrays.asList(true, false, null), f.values("tier = 'Platinum'", DataType.BOOLEAN));
    assertEquals(Arrays.asList(true, false, null), f.values("'Platinum' = tier", DataType.BOOLEAN));
    assertEquals(Arrays.asList(false, true, null), f.values("tier LIKE 'G%'", DataType.BOOLEAN));
    assertEquals(Arrays.asList(8L, 4L, null), f.values("length(tier)", DataType.BIGINT));
  }

  @Test
  void bareColumnResultIsACopyNotTheInput() {
    Fixture f = new Fixture().coded("first_name", names, 0, 1);
    StrVec in = (StrVec) f.input().column("first_name");
    StrVec out = (StrVec) f.eval("first_name", DataType.STRING);
    assertNotSame(in, out);
    assertNotSame(in.codes, out.codes);
    assertSame(in.dict, out.dict);
  }
}
