package io.synthgen.column;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synthgen.plan.ColumnGen;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new strategy must come with a test in {@link StrategiesTest} and an entry in {@link ColumnGen#STRATEGIES}. */
class StrategyCoverageTest {

  /** Strategy id to the {@link StrategiesTest} methods that exercise it. */
  static final Map<String, List<String>> TESTS = new LinkedHashMap<>();

  static {
    TESTS.put("sequence", List.of("sequence"));
    TESTS.put("uniform", List.of("uniform"));
    TESTS.put("values", List.of("values"));
    TESTS.put("distribution", List.of("distribution"));
    TESTS.put("date_range", List.of("dateRange", "dateRangeWeekdayFactors", "dateRangeMonthFactors",
        "dateRangeHourWeights", "dateRangeHolidays", "dateRangeIncidentWindows"));
    TESTS.put("dictionary", List.of("dictionary"));
    TESTS.put("pattern", List.of("pattern", "longPatternsUseFreshRandomnessForEveryPosition"));
    TESTS.put("uuid", List.of("uuid"));
    TESTS.put("boolean", List.of("booleanStrategy"));
    TESTS.put("constant", List.of("constant"));
    TESTS.put("foreign_key", List.of("foreignKey"));
    TESTS.put("parent", List.of("parentAndChildIndex"));
    TESTS.put("child_index", List.of("parentAndChildIndex"));
    TESTS.put("lookup", List.of("lookup"));
    TESTS.put("child_aggregate", List.of("childAggregate"));
    TESTS.put("expression", List.of("expression"));
  }

  @Test
  void everyPermittedStrategyHasATestAndIsListed() throws Exception {
    List<String> ids = new ArrayList<>();
    for (Class<?> c : ColumnGen.class.getPermittedSubclasses()) {
      ids.add(strategyOf(c));
    }
    for (String id : ids) {
      List<String> methods = TESTS.get(id);
      if (methods == null) {
        fail("strategy '" + id + "' has no test: add one to StrategiesTest and list it in StrategyCoverageTest.TESTS");
      }
      for (String m : methods) {
        Method method = StrategiesTest.class.getDeclaredMethod(m);
        assertTrue(method.isAnnotationPresent(org.junit.jupiter.api.Test.class), m + " is a @Test");
      }
    }
    assertEquals(new java.util.TreeSet<>(ids), new java.util.TreeSet<>(ColumnGen.STRATEGIES),
        "ColumnGen.STRATEGIES lists exactly the permitted subclasses");
    assertEquals(ids.size(), ColumnGen.STRATEGIES.size(), "no strategy listed twice");
    assertEquals(new java.util.TreeSet<>(ids), new java.util.TreeSet<>(TESTS.keySet()), "no stale test entries");
  }

  /** The strategy id of a record class, from an instance made with default component values. */
  private static String strategyOf(Class<?> c) throws Exception {
    RecordComponent[] rc = c.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    Object[] args = new Object[rc.length];
    for (int i = 0; i < rc.length; i++) {
      types[i] = rc[i].getType();
      args[i] = types[i] == long.class ? 0L : types[i] == double.class ? 0.0 : types[i] == int.class ? 0
          : types[i] == boolean.class ? false : null;
    }
    Constructor<?> k = c.getDeclaredConstructor(types);
    return ((ColumnGen) k.newInstance(args)).strategy();
  }
}
