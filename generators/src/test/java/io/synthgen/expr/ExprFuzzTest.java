package io.synthgen.expr;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.synthgen.plan.DataType;
import io.synthgen.plan.reach.Interval;
import io.synthgen.plan.reach.TypeRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random expressions over every function, with extreme constants: compiling either reports problems or
 * succeeds; an expression whose reachable range is accepted for its column type then evaluates without an exception
 * on rows inside its inputs' ranges. Nothing else (no NullPointerException, no DateTimeException) may escape.
 */
class ExprFuzzTest {

  private static final String[] CONSTANTS = {"0", "1", "-1", "7", "2147483647", "9223372036854775807", "1e308",
      "-1e308", "0.5", "1e-300", "''", "'a'", "'$1'", "'('", "'${x}'", "NULL", "TRUE", "DATE '2024-02-29'",
      "DATE '9999-12-31'", "TIMESTAMP '2024-01-01 00:00:00'", "100000000", "-100000000", "36500", "'%a_'"};
  private static final String[] COLUMNS = {"a", "n", "x", "s", "d", "t"};
  private static final DataType[] TARGETS = {DataType.BIGINT, DataType.INT, DataType.DOUBLE, DataType.decimal(12, 2),
      DataType.STRING, DataType.BOOLEAN, DataType.DATE, DataType.TIMESTAMP};
  private static final String[] OPERATORS = {" + ", " - ", " * ", " / ", " % ", " DIV ", " || ", " = ", " < ",
      " AND ", " OR "};

  private final Fixture f = new Fixture()
      .longs("a", DataType.BIGINT, 0L, 1000L, -1000L)
      .longs("n", DataType.INT, 0L, 10L, 5L)
      .doubles("x", -2.0, 3.0, 0.0)
      .strings("s", "abc", "", "a(b)c$")
      .longs("d", DataType.DATE, 19_000L, 20_000L, 19_500L)
      .longs("t", DataType.TIMESTAMP, 19_000L * 86_400_000_000L, 20_000L * 86_400_000_000L, 0L)
      .rows(3);

  private final Map<String, Interval> inputs = Map.of(
      "a", Interval.of(-1000, 1000), "n", Interval.of(0, 10), "x", Interval.of(-2, 3), "s", Interval.text(6),
      "d", Interval.of(19_000, 20_000), "t", Interval.of(0, 20_000L * 86_400_000_000L));

  private final List<String> functions = new ArrayList<>(ExprCompiler.functionNames());

  private String expr(Random r, int depth) {
    int k = depth <= 0 ? r.nextInt(2) : r.nextInt(6);
    switch (k) {
      case 0:
        return CONSTANTS[r.nextInt(CONSTANTS.length)];
      case 1:
        return COLUMNS[r.nextInt(COLUMNS.length)];
      case 2:
        return "(" + expr(r, depth - 1) + OPERATORS[r.nextInt(OPERATORS.length)] + expr(r, depth - 1) + ")";
      case 3:
        return "CASE WHEN " + expr(r, depth - 1) + " THEN " + expr(r, depth - 1) + " ELSE " + expr(r, depth - 1)
            + " END";
      default:
        String fn = functions.get(r.nextInt(functions.size()));
        int args = r.nextInt(4);
        List<String> a = new ArrayList<>();
        for (int i = 0; i < args; i++) {
          a.add(expr(r, depth - 1));
        }
        return fn + "(" + String.join(", ", a) + ")";
    }
  }

  @Test
  void randomExpressionsNeverEscapeAsExceptions() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Random r = new Random(20261201);
      for (int i = 0; i < 4_000; i++) {
        String sql = expr(r, 3);
        DataType target = TARGETS[r.nextInt(TARGETS.length)];
        try {
          CompiledExpr e = ExprCompiler.compile(sql, target, f);
          ExprReach reach = e.reach(inputs::get);
          if (reach.problems().isEmpty() && TypeRange.fits(reach.value(), target)) {
            e.evaluate(f.input());
          }
        } catch (ExprException expected) {
          // a clean list of problems
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          fail("'" + sql + "' as " + target + " threw " + e, e);
        }
      }
    });
  }
}
