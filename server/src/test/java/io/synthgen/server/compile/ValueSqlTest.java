package io.synthgen.server.compile;

import static io.synthgen.server.compile.ValueSqlTestSupport.N;
import static io.synthgen.server.compile.ValueSqlTestSupport.STARTS;
import static io.synthgen.server.compile.ValueSqlTestSupport.col;
import static io.synthgen.server.compile.ValueSqlTestSupport.compareAll;
import static io.synthgen.server.compile.ValueSqlTestSupport.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every distribution, through the {@code distribution} strategy, equal cell for cell (doubles bit for bit) on the
 * local engine and in its Spark SQL on real Spark, at rows from 0, around 2^31 and around 2^40.
 */
class ValueSqlTest {

  private static long expected(List<String> columns) {
    return (long) columns.size() * N * STARTS.length;
  }

  private static void check(List<String> columns) {
    assertEquals(expected(columns), compareAll(plan(columns)));
  }

  private static String dist(String distribution, String shaping) {
    return "\"strategy\": \"distribution\", \"distribution\": " + distribution + (shaping.isEmpty() ? "" : ", "
        + shaping);
  }

  @Test
  void normalLognormalExponentialUniformAndPareto() {
    List<String> c = new ArrayList<>();
    c.add(col("normal", "double", dist("{\"type\": \"normal\", \"mean\": 10, \"stddev\": 3}", "")));
    c.add(col("normal_ceil", "double", dist("{\"type\": \"normal\", \"mean\": 0, \"stddev\": 0.4}",
        "\"rounding\": \"ceil\"")));
    c.add(col("normal_floor", "double", dist("{\"type\": \"normal\", \"mean\": 0, \"stddev\": 0.4}",
        "\"rounding\": \"floor\", \"min\": -1, \"max\": 0")));
    c.add(col("normal_ceil_clamped", "double", dist("{\"type\": \"normal\", \"mean\": 0, \"stddev\": 0.4}",
        "\"rounding\": \"ceil\", \"min\": 0, \"max\": 0.5")));
    c.add(col("normal_signed_zero_max", "double", dist("{\"type\": \"normal\", \"mean\": 0, \"stddev\": 2}",
        "\"rounding\": \"ceil\", \"max\": -0.0")));
    c.add(col("normal_int", "int", dist("{\"type\": \"normal\", \"mean\": 100, \"stddev\": 15}",
        "\"min\": 40, \"max\": 160")));
    c.add(col("lognormal", "double", dist("{\"type\": \"lognormal\", \"mu\": 3, \"sigma\": 0.8}", "")));
    c.add(col("lognormal_dec", "decimal(12,2)", dist("{\"type\": \"lognormal\", \"mu\": 3, \"sigma\": 0.8}",
        "\"rounding\": \"round\", \"max\": 5000")));
    c.add(col("lognormal_cents", "decimal(14,4)", dist("{\"type\": \"lognormal\", \"mu\": 1, \"sigma\": 1.5}",
        "\"scale\": 3.3, \"offset\": 0.005")));
    c.add(col("exponential", "double", dist("{\"type\": \"exponential\", \"rate\": 0.2}", "")));
    c.add(col("exponential_items", "int", dist("{\"type\": \"exponential\", \"rate\": 0.2}",
        "\"rounding\": \"floor\", \"min\": 1, \"max\": 20")));
    c.add(col("exponential_big", "bigint", dist("{\"type\": \"exponential\", \"rate\": 0.001}",
        "\"rounding\": \"ceil\"")));
    c.add(col("uniform", "double", dist("{\"type\": \"uniform\", \"min\": -5, \"max\": 5}", "")));
    c.add(col("uniform_dec", "decimal(6,3)", dist("{\"type\": \"uniform\", \"min\": -5, \"max\": 5}", "")));
    c.add(col("pareto", "double", dist("{\"type\": \"pareto\", \"alpha\": 1.5, \"xm\": 10}", "")));
    c.add(col("pareto_dec", "decimal(16,2)", dist("{\"type\": \"pareto\", \"alpha\": 2.5, \"xm\": 20}",
        "\"max\": 100000")));
    c.add(col("pareto_int", "bigint", dist("{\"type\": \"pareto\", \"alpha\": 1.1, \"xm\": 1}",
        "\"rounding\": \"floor\", \"max\": 1000000")));
    check(c);
  }

  @Test
  void gammaAtEveryShapeAndBeta() {
    List<String> c = new ArrayList<>();
    for (String shape : new String[] {"0.3", "1", "2.5", "7", "16", "17"}) {
      c.add(col("gamma_" + shape.replace('.', '_'), "double",
          dist("{\"type\": \"gamma\", \"shape\": " + shape + ", \"scale\": 2}", "")));
    }
    c.add(col("gamma_ltv", "decimal(12,2)", dist("{\"type\": \"gamma\", \"shape\": 2, \"scale\": 2}",
        "\"scale\": 2500, \"min\": 0")));
    c.add(col("gamma_int", "int", dist("{\"type\": \"gamma\", \"shape\": 0.7, \"scale\": 10}",
        "\"rounding\": \"round\", \"max\": 500")));
    c.add(col("beta", "double", dist("{\"type\": \"beta\", \"alpha\": 2, \"beta\": 5}", "\"scale\": 0.3")));
    c.add(col("beta_half", "double", dist("{\"type\": \"beta\", \"alpha\": 0.5, \"beta\": 0.5}", "")));
    c.add(col("beta_dec", "decimal(5,4)", dist("{\"type\": \"beta\", \"alpha\": 2.5, \"beta\": 1.5}", "")));
    c.add(col("beta_pct", "int", dist("{\"type\": \"beta\", \"alpha\": 1, \"beta\": 3.2}",
        "\"scale\": 100, \"rounding\": \"ceil\", \"min\": 1")));
    check(c);
  }

  @Test
  void poissonOnBothSidesOfTheNormalApproximation() {
    List<String> c = new ArrayList<>();
    for (String lambda : new String[] {"0.5", "3", "40", "499", "501", "5000"}) {
      c.add(col("poisson_" + lambda.replace('.', '_'), "bigint",
          dist("{\"type\": \"poisson\", \"lambda\": " + lambda + "}", "")));
    }
    c.add(col("poisson_double", "double", dist("{\"type\": \"poisson\", \"lambda\": 12.5}", "\"offset\": 1")));
    check(c);
  }

  @Test
  void zipfAtEverySizeAndExponent() {
    List<String> c = new ArrayList<>();
    for (String n : new String[] {"2", "1000", "1000000000"}) {
      for (String s : new String[] {"0.5", "1", "1.1", "3"}) {
        c.add(col("zipf_" + n + "_" + s.replace('.', '_'), "bigint",
            dist("{\"type\": \"zipf\", \"n\": " + n + ", \"exponent\": " + s + "}", "")));
      }
    }
    check(c);
  }
}
