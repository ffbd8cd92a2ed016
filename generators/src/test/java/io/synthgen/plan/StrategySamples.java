package io.synthgen.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One valid instance of every strategy record, by strategy id in {@link ColumnGen#STRATEGIES} order, for tests that
 * pin what each {@link ColumnGen.Visitor} answers ({@code ColumnGenVisitorTest} checks it covers every record).
 */
public final class StrategySamples {

  private StrategySamples() {
  }

  /** Strategy id to a sample: parameters are plausible (a uniform from -5 to 3, values 1 and -9...). */
  public static Map<String, ColumnGen> all() {
    Map<String, ColumnGen> m = new LinkedHashMap<>();
    m.put("sequence", new ColumnGen.Sequence(10, 2));
    m.put("uniform", new ColumnGen.Uniform(-5, 3, null));
    m.put("values", new ColumnGen.Values(List.of(1L, -9L), List.of()));
    m.put("distribution", new ColumnGen.Dist(new Shaped(new Distribution.Normal(0, 1), 1, 0, -4.0, 6.0,
        Rounding.NONE)));
    m.put("date_range", new ColumnGen.DateRange("2024-01-01", "2024-12-31", "1 day", TimeProfile.flat()));
    m.put("dictionary", new ColumnGen.Dictionary("first_name"));
    m.put("pattern", new ColumnGen.Pattern("SKU-###"));
    m.put("uuid", new ColumnGen.Uuid());
    m.put("boolean", new ColumnGen.Bool(0.3));
    m.put("constant", new ColumnGen.Constant(7L));
    m.put("foreign_key", new ColumnGen.ForeignKey("p.id", new FkDistribution.Uniform()));
    m.put("parent", new ColumnGen.Parent("p.id"));
    m.put("child_index", new ColumnGen.ChildIndex(1));
    m.put("lookup", new ColumnGen.Lookup("pid", "name"));
    m.put("child_aggregate", new ColumnGen.ChildAggregate("c", "count", null));
    m.put("expression", new ColumnGen.Expression("a + 1"));
    return m;
  }
}
