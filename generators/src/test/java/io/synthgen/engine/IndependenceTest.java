package io.synthgen.engine;

import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.resolve;
import static io.synthgen.testing.Plans.rows;
import static io.synthgen.testing.Plans.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.resolve.ResolvedColumn;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Stats;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random columns of a row are independent of each other: every column has its own stream. */
class IndependenceTest {

  private static final int N = 200_000;

  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  private static final String UNIFORM = "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1";
  private static final String INTS = "\"strategy\": \"uniform\", \"min\": 1, \"max\": 1000";
  private static final String TIERS = "\"strategy\": \"values\", \"values\": [\"a\", \"b\", \"c\", \"d\", \"e\"], "
      + "\"weights\": [40, 25, 15, 15, 5]";

  private static ResolvedPlan plan() {
    return resolve(document(42, table("t", N,
        col("u1", "double", UNIFORM),
        col("u2", "double", UNIFORM),
        col("i1", "int", INTS),
        col("i2", "int", INTS),
        col("v1", "string", TIERS),
        col("v2", "string", TIERS),
        col("n1", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"normal\", \"mean\": 0, "
            + "\"stddev\": 1}"),
        col("e1", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"exponential\", "
            + "\"rate\": 1}"),
        col("g1", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"gamma\", \"shape\": 2.5, "
            + "\"scale\": 1}"),
        col("l1", "double", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"lognormal\", \"mu\": 0, "
            + "\"sigma\": 0.5}"),
        col("p1", "bigint", "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"poisson\", "
            + "\"lambda\": 4}"),
        col("b1", "boolean", "\"strategy\": \"boolean\", \"probability\": 0.5"),
        col("b2", "boolean", "\"strategy\": \"boolean\", \"probability\": 0.2"),
        col("name", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"last_name\""),
        col("day", "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\""),
        col("nulls", "double", UNIFORM + ", \"null_rate\": 0.5"))
        + "," + table("other", N, col("u1", "double", UNIFORM))));
  }

  @Test
  void everyPairOfRandomColumnsIsUncorrelated() {
    ResolvedPlan p = plan();
    TableEvaluator ev = rows(p, "t", N);
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (ResolvedColumn c : p.table("t").columns()) {
      Vec v = ev.column(c.name());
      names.add(c.name());
      values.add(Stats.numeric(v));
      if (v.nullCount() > 0) {
        // the NULL pattern itself must not depend on the other columns
        double[] isNull = new double[N];
        for (int i = 0; i < N; i++) {
          isNull[i] = v.isNull(i) ? 1 : 0;
        }
        names.add(c.name() + " IS NULL");
        values.add(isNull);
      }
    }
    // the same column name in another table
    names.add("other.u1");
    values.add(Stats.numeric(rows(p, "other", N).column("u1")));
    // the row index itself: values must not drift along the table
    double[] row = new double[N];
    for (int i = 0; i < N; i++) {
      row[i] = i;
    }
    names.add("row");
    values.add(row);

    List<String> failures = new ArrayList<>();
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        if (names.get(b).equals(names.get(a) + " IS NULL")) {
          continue; // a column's values are all non-NULL where its NULL flag is 0
        }
        double r = pearsonIgnoringNaN(values.get(a), values.get(b));
        if (!(Math.abs(r) < 0.01)) {
          failures.add(names.get(a) + " ~ " + names.get(b) + ": r = " + r);
        }
      }
    }
    assertTrue(failures.isEmpty(), "correlated columns: " + failures);
  }

  @Test
  void sameParametersDifferentNamesGiveDifferentValues() {
    ResolvedPlan p = plan();
    TableEvaluator ev = rows(p, "t", N);
    double[] u1 = Stats.numeric(ev.column("u1"));
    double[] u2 = Stats.numeric(ev.column("u2"));
    double[] other = Stats.numeric(rows(p, "other", N).column("u1"));
    long[] i1 = ((LongVec) ev.column("i1")).values;
    long[] i2 = ((LongVec) ev.column("i2")).values;
    double[] v1 = Stats.numeric(ev.column("v1"));
    double[] v2 = Stats.numeric(ev.column("v2"));
    long sameU = 0;
    long sameOther = 0;
    long sameI = 0;
    long sameV = 0;
    for (int i = 0; i < N; i++) {
      sameU += u1[i] == u2[i] ? 1 : 0;
      sameOther += u1[i] == other[i] ? 1 : 0;
      sameI += i1[i] == i2[i] ? 1 : 0;
      sameV += v1[i] == v2[i] ? 1 : 0;
    }
    assertEquals(0, sameU, "two uniform doubles never agree");
    assertEquals(0, sameOther, "the same column name in another table is another stream");
    assertEquals(1.0 / 1000, sameI / (double) N, Stats.binomialTolerance(0.001, N), "ints agree by chance only");
    double agree = 0.4 * 0.4 + 0.25 * 0.25 + 0.15 * 0.15 + 0.15 * 0.15 + 0.05 * 0.05;
    assertEquals(agree, sameV / (double) N, Stats.binomialTolerance(agree, N), "weighted values agree by chance only");
  }

  @Test
  void distinctCountsAreWhatTheDistributionImplies() {
    ResolvedPlan p = plan();
    int n = 100_000;
    TableEvaluator ev = rows(p, "t", n);
    assertEquals(1000, distinct(ev.column("i1")), "uniform 1..1000 over 100K rows hits every value");
    assertEquals(5, distinct(ev.column("v1")));
    assertEquals(2, distinct(ev.column("b1")));
    assertEquals(366, distinct(ev.column("day")), "every day of 2024");
    assertEquals(n, distinct(ev.column("u1")), "continuous values do not repeat");
    long poisson = distinct(ev.column("p1"));
    assertTrue(poisson >= 14 && poisson <= 20, "poisson(4) over 100K rows reaches about 15-18: " + poisson);
  }

  private static long distinct(Vec v) {
    Set<Object> s = new HashSet<>();
    for (int i = 0; i < v.size(); i++) {
      s.add(v.get(i));
    }
    return s.size();
  }

  private static double pearsonIgnoringNaN(double[] x, double[] y) {
    int n = 0;
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        a[n] = x[i];
        b[n] = y[i];
        n++;
      }
    }
    return Stats.pearson(java.util.Arrays.copyOf(a, n), java.util.Arrays.copyOf(b, n));
  }
}
