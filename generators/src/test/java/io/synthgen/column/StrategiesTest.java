package io.synthgen.column;

import static io.synthgen.testing.Plans.document;
import static io.synthgen.testing.Plans.resolve;
import static io.synthgen.testing.Plans.rows;
import static io.synthgen.testing.Plans.single;
import static io.synthgen.testing.Plans.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.engine.TableEvaluator;
import io.synthgen.plan.DataType;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.testing.Stats;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every strategy through a small resolved plan, evaluated as the engine evaluates it. {@link StrategyCoverageTest}
 * fails when a strategy has no test here.
 */
class StrategiesTest {

  static final int N = 100_000;

  static String col(String name, String type, String rest) {
    return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", " + rest + "}";
  }

  static Vec column(ResolvedPlan p, String table, int n, String column) {
    return rows(p, table, n).column(column);
  }

  static Vec only(int n, String type, String rest) {
    return column(single(n, col("x", type, rest)), "t", n, "x");
  }

  static Map<Object, Long> counts(Vec v) {
    return Stats.counts(v);
  }

  static void assertShare(double expected, long count, long n, String what) {
    assertEquals(expected, count / (double) n, Stats.binomialTolerance(expected, n), what);
  }

  // --- sequence -------------------------------------------------------------------------------------------

  @Test
  void sequence() {
    ResolvedPlan p = single(10_000,
        col("id", "bigint", "\"strategy\": \"sequence\", \"start\": 100, \"step\": 3"),
        col("n", "int", "\"strategy\": \"sequence\""),
        col("down", "bigint", "\"strategy\": \"sequence\", \"start\": 0, \"step\": -2"));
    TableEvaluator ev = TableEvaluator.range(p, p.table("t"), 5_000, 1_000);
    LongVec id = (LongVec) ev.column("id");
    LongVec n = (LongVec) ev.column("n");
    LongVec down = (LongVec) ev.column("down");
    for (int i = 0; i < 1_000; i++) {
      long row = 5_000 + i;
      assertEquals(100 + 3 * row, id.values[i]);
      assertEquals(1 + row, n.values[i]);
      assertEquals(-2 * row, down.values[i]);
    }
    assertEquals(DataType.INT, n.type());
    assertNull(id.nulls());
  }

  // --- uniform --------------------------------------------------------------------------------------------

  @Test
  void uniform() {
    LongVec dice = (LongVec) only(N, "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 6");
    Map<Object, Long> c = counts(dice);
    assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), c.keySet());
    c.values().forEach(k -> assertShare(1 / 6.0, k, N, "each face"));

    LongVec stepped = (LongVec) only(N, "bigint", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 100, \"step\": 25");
    Map<Object, Long> s = counts(stepped);
    assertEquals(Set.of(0L, 25L, 50L, 75L, 100L), s.keySet());
    s.values().forEach(k -> assertShare(0.2, k, N, "each step"));

    LongVec money = (LongVec) only(N, "decimal(8,2)", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 10");
    assertEquals(2, money.type().scale());
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long v : money.values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assertEquals(0, lo, "min is inclusive");
    assertEquals(1000, hi, "max is inclusive");
    assertTrue(counts(money).size() > 995, "about 1001 cents values");

    LongVec halves = (LongVec) only(N, "decimal(6,2)", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 3, "
        + "\"step\": 0.5");
    Set<Long> unscaled = new HashSet<>();
    for (long v : halves.values) {
      unscaled.add(v);
    }
    assertEquals(Set.of(100L, 150L, 200L, 250L, 300L), unscaled);

    DoubleVec d = (DoubleVec) only(N, "double", "\"strategy\": \"uniform\", \"min\": 2, \"max\": 5");
    for (double v : d.values) {
      assertTrue(v >= 2 && v < 5, "double " + v);
    }
    assertEquals(3.5, Stats.mean(d.values), 0.02);
    assertEquals(0.75, Stats.variance(d.values), 0.02);

    DoubleVec q = (DoubleVec) only(N, "double", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 1, \"step\": 0.25");
    assertEquals(Set.of(0.0, 0.25, 0.5, 0.75, 1.0), counts(q).keySet());
  }

  // --- values ---------------------------------------------------------------------------------------------

  @Test
  void values() {
    ResolvedPlan p = single(N,
        col("tier", "string", "\"strategy\": \"values\", \"values\": [\"Bronze\", \"Silver\", \"Gold\", "
            + "\"Platinum\"], \"weights\": [50, 30, 15, 5]"),
        col("i", "int", "\"strategy\": \"values\", \"values\": [1, 2, 3]"),
        col("d", "double", "\"strategy\": \"values\", \"values\": [1.5, 2.25]"),
        col("b", "boolean", "\"strategy\": \"values\", \"values\": [true, false], \"weights\": [1, 3]"),
        col("m", "decimal(6,2)", "\"strategy\": \"values\", \"values\": [1.25, 9.99]"),
        col("day", "date", "\"strategy\": \"values\", \"values\": [\"2024-01-01\", \"2024-02-29\"]"),
        col("at", "timestamp", "\"strategy\": \"values\", \"values\": [\"2024-01-01 10:00:00\", "
            + "\"2024-06-30T23:59:59\"]"));
    TableEvaluator ev = rows(p, "t", N);
    StrVec tier = (StrVec) ev.column("tier");
    assertTrue(tier.isDictionary(), "weighted strings are dictionary-coded");
    Map<Object, Long> t = counts(tier);
    assertShare(0.50, t.get("Bronze"), N, "Bronze");
    assertShare(0.30, t.get("Silver"), N, "Silver");
    assertShare(0.15, t.get("Gold"), N, "Gold");
    assertShare(0.05, t.get("Platinum"), N, "Platinum");
    Map<Object, Long> i = counts(ev.column("i"));
    assertEquals(Set.of(1L, 2L, 3L), i.keySet());
    i.values().forEach(k -> assertShare(1 / 3.0, k, N, "equal weights"));
    assertEquals(Set.of(1.5, 2.25), counts(ev.column("d")).keySet());
    assertShare(0.25, counts(ev.column("b")).get(true), N, "true");
    assertEquals(Set.of(new BigDecimal("1.25"), new BigDecimal("9.99")), counts(ev.column("m")).keySet());
    assertEquals(Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29)), counts(ev.column("day")).keySet());
    assertEquals(Set.of(LocalDateTime.of(2024, 1, 1, 10, 0), LocalDateTime.of(2024, 6, 30, 23, 59, 59)),
        counts(ev.column("at")).keySet());
  }

  // --- distribution ---------------------------------------------------------------------------------------

  /** The same column name and seed give the same raw draws, so rounding modes can be compared row by row. */
  private static Vec drawn(String type, String shaping) {
    return only(N, type, "\"strategy\": \"distribution\", \"distribution\": {\"type\": \"lognormal\", \"mu\": 1, "
        + "\"sigma\": 0.8}" + shaping);
  }

  @Test
  void distribution() {
    double[] raw = ((DoubleVec) drawn("double", "")).values;
    double[] floor = ((DoubleVec) drawn("double", ", \"rounding\": \"floor\"")).values;
    double[] ceil = ((DoubleVec) drawn("double", ", \"rounding\": \"ceil\"")).values;
    double[] round = ((DoubleVec) drawn("double", ", \"rounding\": \"round\"")).values;
    double[] affine = ((DoubleVec) drawn("double", ", \"scale\": 10, \"offset\": -3")).values;
    double[] clamped = ((DoubleVec) drawn("double", ", \"min\": 1, \"max\": 4")).values;
    long[] cents = ((LongVec) drawn("decimal(10,2)", "")).values;
    long[] ints = ((LongVec) drawn("int", "")).values;
    long[] floorInts = ((LongVec) drawn("bigint", ", \"rounding\": \"floor\", \"max\": 9")).values;
    long clampedLow = 0;
    long clampedHigh = 0;
    for (int i = 0; i < N; i++) {
      double x = raw[i];
      assertEquals(Math.floor(x), floor[i]);
      assertEquals(Math.ceil(x), ceil[i]);
      assertEquals(Math.floor(x + 0.5), round[i]);
      assertEquals(10 * x - 3, affine[i], 1e-9);
      assertEquals(Math.min(4, Math.max(1, x)), clamped[i]);
      clampedLow += clamped[i] == 1 ? 1 : 0;
      clampedHigh += clamped[i] == 4 ? 1 : 0;
      assertEquals(x, cents[i] / 100.0, 0.005 + 1e-9, "decimal(10,2) rounds to cents");
      assertEquals(Math.floor(x * 100 + 0.5), cents[i], 1.0, "half-up to the scale");
      assertEquals(Math.floor(x + 0.5), ints[i], "integers round half-up");
      assertEquals(Math.min(9, Math.floor(x)), floorInts[i]);
    }
    // lognormal(1, 0.8): P(X < 1) = P(Z < -1.25), P(X > 4) = P(Z > (ln 4 - 1) / 0.8)
    assertShare(0.10565, clampedLow, N, "share clamped to min");
    assertShare(1 - 0.68695, clampedHigh, N, "share clamped to max");
  }

  // --- date_range -----------------------------------------------------------------------------------------

  @Test
  void dateRange() {
    LongVec days = (LongVec) only(N, "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", "
        + "\"end\": \"2024-01-10\"");
    Map<Object, Long> d = counts(days);
    assertEquals(10, d.size(), "both bounds inclusive");
    assertTrue(d.containsKey(LocalDate.of(2024, 1, 1)) && d.containsKey(LocalDate.of(2024, 1, 10)));
    d.values().forEach(k -> assertShare(0.1, k, N, "each day"));

    Vec quarter = only(N, "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01 00:00:00\", "
        + "\"end\": \"2024-01-01 01:00:00\", \"interval\": \"15 minutes\"");
    Set<Object> points = counts(quarter).keySet();
    LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
    assertEquals(Set.of(t0, t0.plusMinutes(15), t0.plusMinutes(30), t0.plusMinutes(45), t0.plusHours(1)), points);

    Vec seconds = only(N, "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-05-01 12:00:00\", "
        + "\"end\": \"2024-05-01 12:00:09\"");
    assertEquals(10, counts(seconds).size(), "default interval of a timestamp is a second");

    Vec relative = only(N, "date", "\"strategy\": \"date_range\", \"start\": \"ref-180d\", \"end\": \"ref\"");
    Map<Object, Long> r = counts(relative);
    assertEquals(181, r.size());
    assertTrue(r.containsKey(LocalDate.of(2024, 7, 5)), "ref-180d from 2025-01-01");
    assertTrue(r.containsKey(LocalDate.of(2025, 1, 1)), "ref is the reference date");

    Vec hoursBack = only(N, "timestamp", "\"strategy\": \"date_range\", \"start\": \"ref-6h\", \"end\": \"ref\", "
        + "\"interval\": \"1 hour\"");
    assertEquals(7, counts(hoursBack).size());
    assertTrue(counts(hoursBack).containsKey(LocalDateTime.of(2024, 12, 31, 18, 0)));

    Vec weeks = only(N, "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-03-01\", "
        + "\"interval\": \"1 week\"");
    Map<Object, Long> w = counts(weeks);
    assertEquals(9, w.size(), "Mondays from Jan 1 to Feb 26");
    for (Object day : w.keySet()) {
      assertEquals(java.time.DayOfWeek.MONDAY, ((LocalDate) day).getDayOfWeek());
    }
  }

  /** Counts of a date column per day over the range the plan gives. */
  private static Map<LocalDate, Long> perDay(Vec v) {
    Map<LocalDate, Long> out = new HashMap<>();
    for (int i = 0; i < v.size(); i++) {
      Object x = v.get(i);
      LocalDate day = x instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) x;
      out.merge(day, 1L, Long::sum);
    }
    return out;
  }

  @Test
  void dateRangeWeekdayFactors() {
    // 2024-01-01 is a Monday; 52 whole weeks
    Vec v = only(200_000, "date", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", \"end\": \"2024-12-29\", "
        + "\"profile\": {\"weekday_factors\": [1, 1, 1, 1, 1, 2, 2]}");
    long weekend = 0;
    for (Map.Entry<LocalDate, Long> e : perDay(v).entrySet()) {
      if (e.getKey().getDayOfWeek().getValue() >= 6) {
        weekend += e.getValue();
      }
    }
    assertShare(4 / 9.0, weekend, 200_000, "weekend share: two days at twice the weight");
  }

  @Test
  void dateRangeMonthFactors() {
    double[] f = {1, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3};
    StringBuilder factors = new StringBuilder();
    for (double x : f) {
      factors.append(factors.length() == 0 ? "" : ", ").append(x);
    }
    int n = 200_000;
    Vec v = only(n, "date", "\"strategy\": \"date_range\", \"start\": \"2023-01-01\", \"end\": \"2023-12-31\", "
        + "\"profile\": {\"month_factors\": [" + factors + "]}");
    long[] byMonth = new long[12];
    perDay(v).forEach((day, c) -> byMonth[day.getMonthValue() - 1] += c);
    double total = 0;
    for (int m = 0; m < 12; m++) {
      total += f[m] * java.time.YearMonth.of(2023, m + 1).lengthOfMonth();
    }
    for (int m = 0; m < 12; m++) {
      double expected = f[m] * java.time.YearMonth.of(2023, m + 1).lengthOfMonth() / total;
      assertShare(expected, byMonth[m], n, "month " + (m + 1));
    }
  }

  @Test
  void dateRangeHourWeights() {
    double[] w = new double[24];
    for (int h = 8; h < 20; h++) {
      w[h] = 1;
    }
    w[12] = 4;
    StringBuilder weights = new StringBuilder();
    for (double x : w) {
      weights.append(weights.length() == 0 ? "" : ", ").append(x);
    }
    Vec v = only(N, "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-03-04 00:00:00\", "
        + "\"end\": \"2024-03-10 23:59:59\", \"profile\": {\"hour_weights\": [" + weights + "]}");
    long[] byHour = new long[24];
    Set<Integer> seconds = new HashSet<>();
    for (int i = 0; i < N; i++) {
      LocalDateTime t = (LocalDateTime) v.get(i);
      byHour[t.getHour()]++;
      seconds.add(t.getSecond());
    }
    for (int h = 0; h < 24; h++) {
      assertShare(w[h] / 15, byHour[h], N, "hour " + h);
    }
    assertEquals(60, seconds.size(), "seconds within an hour are uniform");
  }

  @Test
  void dateRangeHolidays() {
    Vec v = only(N, "date", "\"strategy\": \"date_range\", \"start\": \"2024-07-01\", \"end\": \"2024-07-10\", "
        + "\"profile\": {\"holidays\": [{\"date\": \"2024-07-04\", \"factor\": 0.25, "
        + "\"name\": \"Independence Day\"}]}");
    Map<LocalDate, Long> d = perDay(v);
    assertShare(0.25 / 9.25, d.get(LocalDate.of(2024, 7, 4)), N, "holiday");
    assertShare(1 / 9.25, d.get(LocalDate.of(2024, 7, 5)), N, "ordinary day");
  }

  @Test
  void dateRangeIncidentWindows() {
    Vec v = only(N, "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-03-01 00:00:00\", "
        + "\"end\": \"2024-03-10 23:59:00\", \"interval\": \"1 minute\", "
        + "\"profile\": {\"incidents\": [{\"start\": \"2024-03-05\", \"end\": \"2024-03-07\", \"multiplier\": 3, "
        + "\"name\": \"sale\"}]}");
    Map<LocalDate, Long> d = perDay(v);
    long inside = d.get(LocalDate.of(2024, 3, 5)) + d.get(LocalDate.of(2024, 3, 6));
    assertShare(6 / 14.0, inside, N, "two days at three times the rate");

    // relative bounds: an outage that stops events completely
    Vec r = only(N, "timestamp", "\"strategy\": \"date_range\", \"start\": \"ref-10d\", \"end\": \"ref\", "
        + "\"interval\": \"1 minute\", \"profile\": {\"incidents\": [{\"start\": \"ref-4d\", \"end\": \"ref-2d\", "
        + "\"multiplier\": 0}]}");
    LocalDateTime from = LocalDateTime.of(2024, 12, 28, 0, 0);
    LocalDateTime to = LocalDateTime.of(2024, 12, 30, 0, 0);
    long during = 0;
    for (int i = 0; i < N; i++) {
      LocalDateTime t = (LocalDateTime) r.get(i);
      if (!t.isBefore(from) && t.isBefore(to)) {
        during++;
      }
    }
    assertEquals(0, during, "nothing inside a window with multiplier 0");
  }

  // --- dictionary -----------------------------------------------------------------------------------------

  @Test
  void dictionary() {
    ResolvedPlan p = single(N,
        col("first", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"first_name\""),
        col("city", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"city\""),
        col("street", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"street_address\""),
        col("phone", "string", "\"strategy\": \"dictionary\", \"dictionary\": \"phone_number\""));
    TableEvaluator ev = rows(p, "t", N);
    StrVec first = (StrVec) ev.column("first");
    assertTrue(first.isDictionary());
    Set<String> names = new HashSet<>(Dictionaries.standard().get("first_name").values(null).values());
    Map<Object, Long> f = counts(first);
    assertTrue(names.containsAll(f.keySet()));
    assertTrue(f.size() > Math.min(1000, names.size() / 2), "draws spread over the list: " + f.size());

    int cities = counts(ev.column("city")).size();
    assertTrue(cities <= 2000 && cities >= 1900, "a pool of 2,000 city names, got " + cities);

    Pattern street = Pattern.compile("[1-9][0-9]{2,4} \\S+( \\S+)* \\S+");
    StrVec s = (StrVec) ev.column("street");
    Pattern phone = Pattern.compile("\\([2-9][0-9]{2}\\) [2-9][0-9]{2}-[0-9]{4}");
    StrVec ph = (StrVec) ev.column("phone");
    for (int i = 0; i < N; i++) {
      assertTrue(street.matcher(s.str(i)).matches(), s.str(i));
      assertTrue(phone.matcher(ph.str(i)).matches(), ph.str(i));
    }
    assertTrue(counts(s).size() > N * 0.9, "composed addresses are mostly distinct");
  }

  // --- pattern --------------------------------------------------------------------------------------------

  @Test
  void pattern() {
    StrVec sku = (StrVec) only(N, "string", "\"strategy\": \"pattern\", \"pattern\": \"SKU-!#######\"");
    Pattern re = Pattern.compile("SKU-[1-9][0-9]{7}");
    long[] firstDigit = new long[10];
    long[] lastDigit = new long[10];
    for (int i = 0; i < N; i++) {
      String v = sku.str(i);
      assertTrue(re.matcher(v).matches(), v);
      firstDigit[v.charAt(4) - '0']++;
      lastDigit[v.charAt(11) - '0']++;
    }
    assertEquals(0, firstDigit[0]);
    for (int k = 1; k <= 9; k++) {
      assertShare(1 / 9.0, firstDigit[k], N, "! digit " + k);
    }
    for (int k = 0; k <= 9; k++) {
      assertShare(0.1, lastDigit[k], N, "# digit " + k);
    }
    assertTrue(counts(sku).size() > N - 500, "9e7 combinations: few collisions");

    StrVec mixed = (StrVec) only(1000, "string", "\"strategy\": \"pattern\", \"pattern\": \"?*-\\\\#\"");
    for (int i = 0; i < 1000; i++) {
      assertTrue(mixed.str(i).matches("[A-Z][A-Z0-9]-#"), mixed.str(i));
    }
  }

  @Test
  void longPatternsUseFreshRandomnessForEveryPosition() {
    String template = "*".repeat(200);
    int n = 20_000;
    StrVec v = (StrVec) only(n, "string", "\"strategy\": \"pattern\", \"pattern\": \"" + template + "\"");
    // if positions reused bits, some pair (j, j + d) would agree far more often than 1/36
    for (int d = 1; d < 40; d++) {
      for (int j = 0; j + d < 200; j += 7) {
        long same = 0;
        for (int i = 0; i < n; i++) {
          same += v.str(i).charAt(j) == v.str(i).charAt(j + d) ? 1 : 0;
        }
        assertShare(1 / 36.0, same, n, "positions " + j + " and " + (j + d) + " agree");
      }
    }
    long[] lastChar = new long[128];
    for (int i = 0; i < n; i++) {
      lastChar[v.str(i).charAt(199)]++;
    }
    assertShare(1 / 36.0, lastChar['Q'], n, "last position is uniform");
  }

  // --- uuid -----------------------------------------------------------------------------------------------

  @Test
  void uuid() {
    StrVec u = (StrVec) only(N, "string", "\"strategy\": \"uuid\"");
    Pattern v4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < N; i++) {
      String s = u.str(i);
      assertTrue(v4.matcher(s).matches(), s);
      assertEquals(4, java.util.UUID.fromString(s).version());
      assertTrue(seen.add(s), "duplicate " + s);
    }
  }

  // --- boolean --------------------------------------------------------------------------------------------

  @Test
  void booleanStrategy() {
    BoolVec b = (BoolVec) only(N, "boolean", "\"strategy\": \"boolean\", \"probability\": 0.3");
    assertShare(0.3, counts(b).get(true), N, "true");
    BoolVec never = (BoolVec) only(1000, "boolean", "\"strategy\": \"boolean\", \"probability\": 0");
    assertEquals(Set.of(false), counts(never).keySet());
    BoolVec always = (BoolVec) only(1000, "boolean", "\"strategy\": \"boolean\", \"probability\": 1");
    assertEquals(Set.of(true), counts(always).keySet());
  }

  // --- constant -------------------------------------------------------------------------------------------

  @Test
  void constant() {
    ResolvedPlan p = single(500,
        col("s", "string", "\"strategy\": \"constant\", \"value\": \"US\""),
        col("i", "int", "\"strategy\": \"constant\", \"value\": 5"),
        col("m", "decimal(6,2)", "\"strategy\": \"constant\", \"value\": 2.5"),
        col("d", "double", "\"strategy\": \"constant\", \"value\": 2.5"),
        col("b", "boolean", "\"strategy\": \"constant\", \"value\": true"),
        col("day", "date", "\"strategy\": \"constant\", \"value\": \"2024-02-29\""),
        col("at", "timestamp", "\"strategy\": \"constant\", \"value\": \"2024-02-29 08:30:00\""));
    TableEvaluator ev = rows(p, "t", 500);
    assertEquals(Map.of("US", 500L), counts(ev.column("s")));
    assertEquals(Map.of(5L, 500L), counts(ev.column("i")));
    assertEquals(Map.of(new BigDecimal("2.50"), 500L), counts(ev.column("m")));
    assertEquals(Map.of(2.5, 500L), counts(ev.column("d")));
    assertEquals(Map.of(true, 500L), counts(ev.column("b")));
    assertEquals(Map.of(LocalDate.of(2024, 2, 29), 500L), counts(ev.column("day")));
    assertEquals(Map.of(LocalDateTime.of(2024, 2, 29, 8, 30), 500L), counts(ev.column("at")));
  }

  // --- foreign_key ----------------------------------------------------------------------------------------

  private static final String PARENTS = table("p", 1000,
      col("pid", "bigint", "\"strategy\": \"sequence\", \"start\": 500, \"step\": 2, \"unique\": true"),
      col("w", "double", "\"strategy\": \"values\", \"values\": [1, 4]"),
      col("color", "string", "\"strategy\": \"values\", \"values\": [\"red\", \"green\", \"blue\"], \"omit\": true"),
      col("label", "string", "\"strategy\": \"pattern\", \"pattern\": \"P-####\""));

  @Test
  void foreignKey() {
    int n = 200_000;
    ResolvedPlan p = resolve(document(3, PARENTS + "," + table("c", n,
        col("cid", "bigint", "\"strategy\": \"sequence\""),
        col("uni", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\""),
        col("skew", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\", "
            + "\"distribution\": {\"type\": \"zipf\", \"exponent\": 1.0}"),
        col("heavy", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\", "
            + "\"distribution\": {\"type\": \"weighted\", \"by\": \"w\"}"),
        col("maybe", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\", \"null_rate\": 0.2"))));
    TableEvaluator ev = rows(p, "c", n);
    long[] uni = perParent((LongVec) ev.column("uni"));
    long[] skew = perParent((LongVec) ev.column("skew"));
    long[] heavy = perParent((LongVec) ev.column("heavy"));
    assertEquals(1000, java.util.Arrays.stream(uni).filter(c -> c > 0).count(), "every parent is used");
    assertTrue(topShare(uni, 200) < 0.25, "uniform: the top 20% get about 20%: " + topShare(uni, 200));
    // zipf(1.0) over 1000 parents: the top 200 ranks hold H(200) / H(1000) = 78.5 %
    assertEquals(0.785, topShare(skew, 200), 0.02, "zipf: the top 20% get most children");
    long lowIdsInTop = 0;
    Integer[] order = byCount(skew);
    for (int k = 0; k < 200; k++) {
      lowIdsInTop += order[k] < 200 ? 1 : 0;
    }
    assertTrue(lowIdsInTop < 80, "popular parents are spread over the ids, not the first ones: " + lowIdsInTop);

    DoubleVec w = (DoubleVec) rows(p, "p", 1000).column("w");
    double totalWeight = 0;
    double heavyWeight = 0;
    long toHeavy = 0;
    for (int r = 0; r < 1000; r++) {
      totalWeight += w.values[r];
      if (w.values[r] == 4) {
        heavyWeight += 4;
        toHeavy += heavy[r];
      }
    }
    assertShare(heavyWeight / totalWeight, toHeavy, n, "children of weight-4 parents");

    Vec maybe = ev.column("maybe");
    assertShare(0.2, maybe.nullCount(), n, "nullable foreign key");
  }

  /** Children per parent row (keys 500, 502, ...). */
  private static long[] perParent(LongVec keys) {
    long[] c = new long[1000];
    for (int i = 0; i < keys.size(); i++) {
      long off = keys.values[i] - 500;
      assertEquals(0, off % 2, "a parent key");
      assertTrue(off >= 0 && off / 2 < 1000, "no orphan: " + keys.values[i]);
      c[(int) (off / 2)]++;
    }
    return c;
  }

  private static Integer[] byCount(long[] counts) {
    Integer[] idx = new Integer[counts.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Long.compare(counts[b], counts[a]));
    return idx;
  }

  private static double topShare(long[] counts, int top) {
    long[] sorted = counts.clone();
    java.util.Arrays.sort(sorted);
    long total = 0;
    long head = 0;
    for (int i = 0; i < sorted.length; i++) {
      total += sorted[i];
      if (i >= sorted.length - top) {
        head += sorted[i];
      }
    }
    return head / (double) total;
  }

  // --- parent, child_index, child_aggregate ----------------------------------------------------------------

  private static ResolvedPlan orders() {
    return resolve(document(5, table("orders", 2000,
        col("order_id", "bigint", "\"strategy\": \"sequence\", \"start\": 10, \"unique\": true"),
        col("n_items", "int", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"count\""),
        col("total", "decimal(12,2)", "\"strategy\": \"child_aggregate\", \"table\": \"items\", "
            + "\"function\": \"sum\", \"column\": \"amount\""),
        col("min_q", "int", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"min\", "
            + "\"column\": \"qty\""),
        col("max_q", "int", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"max\", "
            + "\"column\": \"qty\""),
        col("avg_q", "double", "\"strategy\": \"child_aggregate\", \"table\": \"items\", \"function\": \"avg\", "
            + "\"column\": \"qty\""),
        col("last_at", "timestamp", "\"strategy\": \"child_aggregate\", \"table\": \"items\", "
            + "\"function\": \"max\", \"column\": \"at\""))
        + ",\n" + "{\"name\": \"items\", \"rows\": 4000, \"per_parent\": {\"table\": \"orders\", \"count\": "
        + "{\"distribution\": {\"type\": \"poisson\", \"lambda\": 2}, \"min\": 0, \"max\": 6}}, \"columns\": ["
        + String.join(",\n",
            col("item_id", "bigint", "\"strategy\": \"sequence\""),
            col("order_id", "bigint", "\"strategy\": \"parent\", \"references\": \"orders.order_id\""),
            col("line_no", "int", "\"strategy\": \"child_index\""),
            col("qty", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9"),
            col("amount", "decimal(10,2)", "\"strategy\": \"uniform\", \"min\": 0, \"max\": 100, "
                + "\"null_rate\": 0.1"),
            col("at", "timestamp", "\"strategy\": \"date_range\", \"start\": \"2024-01-01\", "
                + "\"end\": \"2024-12-31\"")) + "]}"));
  }

  @Test
  void parentAndChildIndex() {
    ResolvedPlan p = orders();
    long items = p.table("items").rows();
    assertTrue(items > 3000 && items < 5000, "about 2 per order: " + items);
    TableEvaluator ev = rows(p, "items", (int) items);
    LongVec parent = (LongVec) ev.column("order_id");
    LongVec line = (LongVec) ev.column("line_no");
    long prev = Long.MIN_VALUE;
    for (int i = 0; i < items; i++) {
      long o = parent.values[i];
      assertTrue(o >= 10 && o < 2010, "a parent key");
      assertTrue(o >= prev, "children are stored in parent order");
      assertEquals(o == prev ? line.values[i - 1] + 1 : 1, line.values[i], "line numbers count from 1");
      prev = o;
    }
    var layout = p.table("items").layout();
    assertEquals(items, layout.childRows());
    assertEquals(0, layout.firstChild(0));
    long sum = 0;
    for (long r = 0; r < 2000; r++) {
      assertEquals(sum, layout.firstChild(r));
      sum += layout.childCount(r);
    }
    assertEquals(items, sum);
  }

  @Test
  void childAggregate() {
    ResolvedPlan p = orders();
    int items = (int) p.table("items").rows();
    TableEvaluator ev = rows(p, "items", items);
    LongVec parent = (LongVec) ev.column("order_id");
    LongVec qty = (LongVec) ev.column("qty");
    LongVec amount = (LongVec) ev.column("amount");
    LongVec at = (LongVec) ev.column("at");
    long[] count = new long[2000];
    long[] sum = new long[2000];
    long[] min = new long[2000];
    long[] max = new long[2000];
    long[] qsum = new long[2000];
    long[] last = new long[2000];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    java.util.Arrays.fill(max, Long.MIN_VALUE);
    java.util.Arrays.fill(last, Long.MIN_VALUE);
    for (int i = 0; i < items; i++) {
      int o = (int) (parent.values[i] - 10);
      count[o]++;
      if (!amount.isNull(i)) {
        sum[o] += amount.values[i];
      }
      min[o] = Math.min(min[o], qty.values[i]);
      max[o] = Math.max(max[o], qty.values[i]);
      qsum[o] += qty.values[i];
      last[o] = Math.max(last[o], at.values[i]);
    }
    TableEvaluator orders = rows(p, "orders", 2000);
    LongVec nItems = (LongVec) orders.column("n_items");
    LongVec total = (LongVec) orders.column("total");
    LongVec minQ = (LongVec) orders.column("min_q");
    LongVec maxQ = (LongVec) orders.column("max_q");
    DoubleVec avgQ = (DoubleVec) orders.column("avg_q");
    LongVec lastAt = (LongVec) orders.column("last_at");
    int childless = 0;
    for (int o = 0; o < 2000; o++) {
      assertEquals(count[o], nItems.values[o], "count of order " + o);
      assertEquals(sum[o], total.values[o], "sum of order " + o + " (NULL amounts skipped)");
      assertFalse(total.isNull(o), "a sum over no rows is 0");
      if (count[o] == 0) {
        childless++;
        assertTrue(minQ.isNull(o) && maxQ.isNull(o) && avgQ.isNull(o) && lastAt.isNull(o),
            "min, max and avg of no rows are NULL");
        continue;
      }
      assertEquals(min[o], minQ.values[o]);
      assertEquals(max[o], maxQ.values[o]);
      assertEquals(qsum[o] / (double) count[o], avgQ.values[o], 1e-9);
      assertEquals(last[o], lastAt.values[o]);
    }
    assertTrue(childless > 100, "poisson(2) leaves about 13.5% of orders without items: " + childless);
  }

  // --- lookup ---------------------------------------------------------------------------------------------

  @Test
  void lookup() {
    int n = 20_000;
    ResolvedPlan p = resolve(document(3, PARENTS + "," + table("c", n,
        col("pid", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\", \"null_rate\": 0.1"),
        col("color", "string", "\"strategy\": \"lookup\", \"via\": \"pid\", \"column\": \"color\""),
        col("label", "string", "\"strategy\": \"lookup\", \"via\": \"pid\", \"column\": \"label\""))));
    TableEvaluator ev = rows(p, "c", n);
    LongVec pid = (LongVec) ev.column("pid");
    StrVec color = (StrVec) ev.column("color");
    StrVec label = (StrVec) ev.column("label");
    TableEvaluator parents = rows(p, "p", 1000);
    StrVec pColor = (StrVec) parents.column("color");
    StrVec pLabel = (StrVec) parents.column("label");
    int nulls = 0;
    for (int i = 0; i < n; i++) {
      if (pid.isNull(i)) {
        nulls++;
        assertNull(color.str(i), "a lookup through a NULL foreign key is NULL");
        assertNull(label.str(i));
        continue;
      }
      int row = (int) ((pid.values[i] - 500) / 2);
      assertEquals(pColor.str(row), color.str(i));
      assertEquals(pLabel.str(row), label.str(i));
    }
    assertShare(0.1, nulls, n, "NULL foreign keys");
  }

  // --- expression -----------------------------------------------------------------------------------------

  @Test
  void expression() {
    int n = 10_000;
    ResolvedPlan p = resolve(document(3, PARENTS + "," + table("c", n,
        col("pid", "bigint", "\"strategy\": \"foreign_key\", \"references\": \"p.pid\""),
        col("a", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 100"),
        col("b", "bigint", "\"strategy\": \"expression\", \"expr\": \"a * 2 + 1\""),
        col("tag", "string", "\"strategy\": \"expression\", "
            + "\"expr\": \"CASE WHEN a > 50 THEN upper(p.color) ELSE p.label END\""))));
    TableEvaluator ev = rows(p, "c", n);
    LongVec a = (LongVec) ev.column("a");
    LongVec b = (LongVec) ev.column("b");
    LongVec pid = (LongVec) ev.column("pid");
    StrVec tag = (StrVec) ev.column("tag");
    TableEvaluator parents = rows(p, "p", 1000);
    for (int i = 0; i < n; i++) {
      assertEquals(a.values[i] * 2 + 1, b.values[i]);
      int row = (int) ((pid.values[i] - 500) / 2);
      String expected = a.values[i] > 50
          ? parents.column("color").get(row).toString().toUpperCase(java.util.Locale.ROOT)
          : parents.column("label").get(row).toString();
      assertEquals(expected, tag.str(i));
    }
  }

  // --- null_rate and omit (column options every strategy shares) -------------------------------------------

  @Test
  void nullRate() {
    ResolvedPlan p = single(N,
        col("x", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 10, \"null_rate\": 0.25"),
        col("y", "string", "\"strategy\": \"values\", \"values\": [\"a\", \"b\"], \"null_rate\": 0.25"),
        col("z", "string", "\"strategy\": \"expression\", \"expr\": \"y || '!'\", \"null_rate\": 0.5"),
        col("all", "double", "\"strategy\": \"constant\", \"value\": 1, \"null_rate\": 1"));
    TableEvaluator ev = rows(p, "t", N);
    Vec x = ev.column("x");
    Vec y = ev.column("y");
    Vec z = ev.column("z");
    assertShare(0.25, x.nullCount(), N, "x NULLs");
    assertShare(0.25, y.nullCount(), N, "y NULLs");
    assertEquals(N, ev.column("all").nullCount());
    long both = 0;
    long[] byValue = new long[11];
    for (int i = 0; i < N; i++) {
      both += x.isNull(i) && y.isNull(i) ? 1 : 0;
      if (!x.isNull(i)) {
        byValue[(int) ((LongVec) x).values[i]]++;
      }
      if (y.isNull(i)) {
        assertTrue(z.isNull(i), "NULL in, NULL out");
      }
    }
    assertShare(0.0625, both, N, "NULLs of different columns are independent");
    for (int k = 1; k <= 10; k++) {
      assertShare(0.1, byValue[k], N - x.nullCount(), "non-NULL values keep their distribution");
    }
    // z is NULL where y is, and independently half of the rest
    assertShare(0.25 + 0.75 * 0.5, z.nullCount(), N, "z NULLs");
    assertShare(0.25, y.nullCount(), N, "an expression's NULLs do not leak into its input");
  }

  @Test
  void omit() {
    ResolvedPlan p = single(1000,
        col("id", "bigint", "\"strategy\": \"sequence\""),
        col("secret", "int", "\"strategy\": \"uniform\", \"min\": 1, \"max\": 9, \"omit\": true"),
        col("shown", "int", "\"strategy\": \"expression\", \"expr\": \"secret * 10\""));
    TableEvaluator ev = rows(p, "t", 1000);
    var batch = ev.outputBatch();
    assertEquals(List.of("id", "shown"), batch.names());
    LongVec secret = (LongVec) ev.column("secret");
    LongVec shown = (LongVec) batch.vector("shown");
    for (int i = 0; i < 1000; i++) {
      assertEquals(secret.values[i] * 10, shown.values[i]);
    }
  }
}
