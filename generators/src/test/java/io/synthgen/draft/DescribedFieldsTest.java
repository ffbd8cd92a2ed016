package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Table;
import io.synthgen.plan.Violation;
import io.synthgen.resolve.Resolver;
import io.synthgen.run.Runs;
import io.synthgen.testing.Duck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the person wrote about a column is kept, or refused with a fix: never replaced by a guess from the name. */
class DescribedFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> DICTS = new HashSet<>(Dictionaries.standard().names());
  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  @TempDir
  Path dir;

  static Plan plan(String request) throws Exception {
    return Drafter.plan(JSON.readTree(request), TODAY, 42, DICTS);
  }

  static List<Violation> refused(String request) {
    return assertThrows(PlanException.class, () -> plan(request), request).violations();
  }

  @Test
  void anExpressionWithoutATypeHasTheTypeItGives() throws Exception {
    Plan p = plan("{\"name\":\"ex\",\"tables\":[{\"name\":\"orders\",\"rows\":100,\"columns\":[\"order_id\","
        + "{\"name\":\"quantity\",\"type\":\"int\",\"min\":1,\"max\":9},"
        + "{\"name\":\"big\",\"expr\":\"quantity > 5\"},"
        + "{\"name\":\"d2\",\"expr\":\"date_add(reference_date(), 3)\"},"
        + "{\"name\":\"e\",\"expr\":\"order_id * 2\"},"
        + "{\"name\":\"f\",\"strategy\":\"expression\",\"expr\":\"e + 1\"},"
        + "{\"name\":\"g\",\"expr\":\"NOT big\"}]}]}");
    Table t = p.table("orders").orElseThrow();
    assertEquals("boolean", t.column("big").orElseThrow().type().toString());
    assertEquals("date", t.column("d2").orElseThrow().type().toString());
    assertEquals("bigint", t.column("e").orElseThrow().type().toString());
    assertEquals("bigint", t.column("f").orElseThrow().type().toString());
    assertEquals("boolean", t.column("g").orElseThrow().type().toString(), "typed after the column it reads");
    Runs.generate(Resolver.resolve(p), dir, WriterOptions.parquetZstd(), new Engine(2, 8192), Progress.NONE,
        new Cancellation());
    try (Duck duck = new Duck()) {
      duck.parquetViews(dir, "orders");
      assertEquals("BOOLEAN", duck.one("SELECT typeof(big) FROM orders LIMIT 1"));
      assertEquals("DATE", duck.one("SELECT typeof(d2) FROM orders LIMIT 1"));
      assertEquals(0, duck.count("SELECT count(*) FROM orders WHERE e <> order_id * 2 OR big <> (quantity > 5)"));
    }
  }

  @Test
  void datedBoundsWithATimeOfDayMakeATimestamp() throws Exception {
    Plan p = plan("{\"name\":\"ts\",\"tables\":[{\"name\":\"t\",\"rows\":10,\"columns\":[\"id\","
        + "{\"name\":\"when_x\",\"start\":\"2024-01-01T00:00:00\",\"end\":\"2024-12-31T10:00:00\"},"
        + "{\"name\":\"day_x\",\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"}]}]}");
    Table t = p.table("t").orElseThrow();
    assertEquals("timestamp", t.column("when_x").orElseThrow().type().toString());
    assertEquals("date", t.column("day_x").orElseThrow().type().toString());
  }

  @Test
  void aBoundedPrimaryKeyIsKeptOrRefusedNeverReplaced() throws Exception {
    List<Violation> vs = refused("{\"name\":\"edge\",\"tables\":[{\"name\":\"a\",\"rows\":10,\"primary_key\":"
        + "\"x\",\"columns\":[\"a_id\",{\"name\":\"x\",\"min\":1,\"max\":3}]}]}");
    assertEquals(1, vs.size(), vs.toString());
    assertEquals("tables[0].columns[1].max", vs.get(0).path());
    assertTrue(vs.get(0).fix().contains("raise max to 10"), vs.get(0).fix());

    Plan p = plan("{\"name\":\"edge\",\"tables\":[{\"name\":\"a\",\"rows\":10,\"primary_key\":\"x\","
        + "\"columns\":[\"a_id\",{\"name\":\"x\",\"min\":100,\"max\":200}]}]}");
    Column x = p.table("a").orElseThrow().column("x").orElseThrow();
    assertEquals(new ColumnGen.Sequence(100, 1), x.gen());
    assertTrue(x.note().contains("100"), x.note());
  }
}
