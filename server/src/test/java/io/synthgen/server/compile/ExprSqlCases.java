package io.synthgen.server.compile;

import io.synthgen.plan.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The expressions whose local values and Spark SQL values are compared: every operator, conversion and function of
 * docs/expressions.md over {@link ExprSqlFixture}'s columns (i, j, y int; l bigint; d double; m decimal(10,2); s, st
 * string; dt date; ts timestamp; b boolean; parent.pd double and parent.ps string through a foreign key), with the
 * edge values those columns hold. A case without a target type is compiled for the type it gives on its own.
 */
final class ExprSqlCases {

  /** One expression and the column type it is compiled for (null: its own result type). */
  record Case(String expr, DataType target) {
    @Override
    public String toString() {
      return target == null ? expr : expr + " -> " + target;
    }
  }

  private ExprSqlCases() {
  }

  static final List<String> OPERATORS = List.of(
      "i + l", "i - l", "i * i", "l * 1000", "d + m", "d - i", "d * d", "m + m", "m - 0.005", "m * m", "m * 0.08",
      "m * 1.5 * m", "i / j", "d / d", "m / m", "l / 0", "d / 0", "i % j", "l % 7", "-7 % 2", "d % 1.5", "m % 0.3",
      "m % 0", "d % 0", "i DIV j", "l DIV 3", "-i", "-d", "-m", "dt + j", "dt - j", "j + dt", "s || '-' || i",
      "i || d", "d || ''", "m || ''", "dt || ''", "ts || ''", "b || ''", "CAST(NULL AS STRING) || s", "l + NULL",
      "i = j", "i <> j", "i != j", "d < 0", "d <= d", "d > 0.5", "d >= -0.0", "d = 0", "d = -1e-400", "d < 1e-400",
      "d <> -1e-400", "d > -1e-400", "m > 1", "s < 'b'", "s > st", "s <= 'x\uE000'", "s >= '\uD83D\uDE00'",
      "s = st", "s < s || 'x'", "dt < DATE '2000-01-01'", "dt = '2024-02-29'", "ts > '2024-01-01 00:00:00'",
      "ts >= dt", "b = TRUE", "b < b", "parent.pd > 0", "parent.ps = 'Gold'", "b AND d > 0", "b OR d > 0",
      "NOT b", "b IS NULL", "s IS NOT NULL", "b IS TRUE", "b IS NOT TRUE", "b IS FALSE", "b IS NOT FALSE",
      "d BETWEEN -1 AND 1", "i NOT BETWEEN 0 AND 10", "i IN (1, 2, 3)", "s NOT IN ('a', 'true')", "i IN (1, NULL)",
      "s LIKE '%a%'", "s LIKE 'a_c%'", "s LIKE 'abc!%!_%' ESCAPE '!'", "s NOT LIKE '2024-%'", "s LIKE '_'",
      "s LIKE '%\\%'", "s LIKE '%x'", "s ILIKE '%BETA%'", "s ILIKE '%σ%'", "s ILIKE 'İ%'", "s ILIKE '%!A%' ESCAPE '!'",
      "s ILIKE '_'", "s RLIKE '^[0-9]+$'", "s REGEXP 'a.c'", "s NOT RLIKE '[A-Z]'",
      "CASE WHEN d > 0 THEN 'pos' WHEN d < 0 THEN 'neg' ELSE 'zero' END", "CASE i WHEN 1 THEN m WHEN 2 THEN 0.5 END",
      "CASE WHEN b THEN i ELSE d END", "CASE WHEN b THEN dt ELSE ts END", "CASE s WHEN 'aaa' THEN 1 ELSE 0 END",
      "CASE WHEN b THEN s END", "EXTRACT(year FROM dt)", "EXTRACT(quarter FROM ts)", "EXTRACT(month FROM dt)",
      "EXTRACT(day FROM ts)", "EXTRACT(hour FROM ts)", "EXTRACT(minute FROM ts)", "EXTRACT(second FROM ts)",
      "EXTRACT(dayofweek FROM ts)", "EXTRACT(dayofyear FROM dt)", "i::double", "s::int");

  /** Decimal arithmetic chains, whose SQL keeps intermediates narrow where their digits allow and guards the rest. */
  static final List<String> DECIMALS = List.of(
      "round((m - coalesce(m, 0)) * 0.08, 2)", "m - coalesce(m, 0) + m", "m + i", "m * i", "i * 0.5 + m",
      "m * m * m", "m * m - m * m", "coalesce(m, 0.5) * 0.08", "least(m, i) * 0.25", "greatest(m, 0.125) + m",
      "m % i", "pmod(m * 2, 0.07)", "-m * 0.5", "(m + 0.001) * m", "CAST(m AS DECIMAL(4,1)) * 100 + m",
      "m * 10000000000", "l * m", "(m - 0.5) % (m + 0.25)", "CAST(i AS DECIMAL(12,3)) * m");

  static final List<String> CASTS = List.of(
      "CAST(i AS STRING)", "CAST(l AS INT)", "CAST(d AS BIGINT)", "CAST(d AS INT)", "CAST(d AS DECIMAL(10,2))",
      "CAST(d AS DECIMAL(18,6))", "CAST(m AS INT)", "CAST(m AS BIGINT)", "CAST(m AS DOUBLE)",
      "CAST(m AS DECIMAL(5,1))", "CAST(m AS DECIMAL(4,3))", "CAST(i AS DECIMAL(3,1))", "CAST(b AS INT)",
      "CAST(b AS BIGINT)", "CAST(b AS DOUBLE)", "CAST(b AS DECIMAL(3,2))", "CAST(b AS DECIMAL(2,2))",
      "CAST(i AS BOOLEAN)", "CAST(d AS BOOLEAN)", "CAST(m AS BOOLEAN)", "CAST(dt AS TIMESTAMP)", "CAST(ts AS DATE)",
      "CAST(ts AS BIGINT)", "CAST(ts AS INT)", "CAST(ts AS DOUBLE)", "CAST(l AS TIMESTAMP)", "CAST(i AS TIMESTAMP)",
      "CAST(d AS TIMESTAMP)", "CAST(d AS STRING)", "CAST(m AS STRING)", "CAST(ts AS STRING)", "CAST(dt AS STRING)",
      "CAST(b AS STRING)", "CAST(s AS INT)", "CAST(s AS BIGINT)", "CAST(s AS DOUBLE)", "CAST(s AS DECIMAL(10,2))",
      "CAST(s AS DECIMAL(4,4))", "CAST(s AS BOOLEAN)", "CAST(s AS DATE)", "CAST(s AS TIMESTAMP)", "CAST(l AS DOUBLE)",
      "CAST(i AS BIGINT)", "CAST(l AS DECIMAL(12,2))", "CAST(l AS DECIMAL(5,0))", "CAST(d * 1e6 AS STRING)",
      "CAST(m * 0.001 AS STRING)", "CAST(CAST(s AS DOUBLE) AS STRING)", "CAST(timestamp_add_seconds(ts, d) AS STRING)");

  static final List<String> FUNCTIONS = List.of(
      "coalesce(s, st, 'none')", "coalesce(d, m)", "coalesce(NULL, i)", "nullif(i, 0)", "nullif(s, '')",
      "if(b, i, l)", "if(d > 0, 'p', NULL)", "least(d, -1e-400)", "least(-1e-400, d)", "greatest(d, 0e0)",
      "greatest(0e0, d, -1e-400)", "least(s, st)", "greatest(s, 'x\uE000', st)", "least(i, l, j)", "greatest(m, 1)",
      "least(dt, ts)", "greatest(b, b)", "least(NULL, i)", "hash(i)", "hash(l, s)", "hash(d)", "hash(m)",
      "hash(dt, ts, b)", "hash(NULL)", "hash(s, NULL, i)", "hash(parent.ps)",
      "abs(i)", "abs(d)", "abs(m)", "round(d)", "round(d, 2)", "round(d, -2)", "round(d, 15)", "round(m, 1)",
      "round(m)", "round(m, -1)", "round(i, -1)", "round(l, -3)", "round(m, 3)", "round(i)", "round(m * 0.08, 2)",
      "floor(d)", "ceil(d)", "floor(m)", "ceil(m)", "floor(i)", "ceil(l)", "sqrt(d)", "exp(d)", "ln(d)",
      "log10(d)", "sin(d)", "cos(d)", "tan(d)", "atan(d)", "pi()", "2 * pi() * d", "pow(d, 2)", "power(m, j)",
      "pow(1.05, i)", "pow(d, 0.5)", "sign(d)", "sign(m)", "mod(i, j)", "mod(m, 0.07)", "pmod(i, j)",
      "pmod(d, 2.5)", "pmod(-7, 3)", "pmod(l, -4)", "pmod(m, j)", "pmod(d, 0)",
      "concat(s, i, d)", "concat('SKU-', lpad(CAST(i AS STRING), 6, '0'))", "concat_ws(', ', s, st, NULL)",
      "concat_ws(NULL, s)", "concat_ws('-', i, dt)", "lower(s)", "upper(s)", "initcap(s)", "trim(s)", "ltrim(s)",
      "rtrim(s)", "length(s)", "substr(s, 2, 3)", "substr(s, -3)", "substr(s, 0, 2)", "substring(s, 3)",
      "substr(s, -2, 5)", "substr(s, 3000000000)", "substr(s, -3000000000, 3000000003)", "substr(s, 2, -1)",
      "left(s, 3)", "left(s, 0)", "right(s, 4)", "right(s, -1)", "right(s, 3000000000)", "lpad(s, 8, '*')",
      "lpad(s, 5)", "rpad(s, 12, 'ab')", "lpad(s, 6, '\uD83D\uDE00')", "rpad(s, 3, '')", "lpad(s, 0, 'x')",
      "rpad(s, 20, '\uD83C\uDF89x')", "replace(s, 'a', 'AA')", "replace(s, ' ')", "replace(s, '', 'x')",
      "regexp_replace(s, '[^a-z]', '')", "regexp_replace(s, '([a-z]+) ([a-z]+)', '$2 $1')",
      "regexp_replace(s, '(?<w>[0-9])', '<${w}>')", "split_part(s, ',', 2)", "split_part(s, ' ', -1)",
      "split_part(s, '', 1)", "split_part(s, '', 2)", "split_part(s, ',', 5000000000)",
      "reference_date()", "date_sub(reference_date(), j)", "batch()", "batch() * 10 + i", "date_add(dt, j)",
      "date_add(dt, l)", "date_sub(dt, i)", "date_add(s, 1)", "date_add(ts, 2)", "datediff(dt, DATE '2000-01-01')",
      "datediff(ts, dt)", "add_months(dt, j)", "add_months(dt, l)", "add_months(dt, -i)", "year(dt)", "quarter(dt)",
      "month(ts)", "day(dt)", "dayofmonth(ts)", "dayofweek(dt)", "dayofyear(ts)", "last_day(dt)", "last_day(ts)",
      "hour(ts)", "minute(ts)", "second(ts)", "hour(dt)", "to_date(ts)", "to_date(s)", "to_date(dt)",
      "make_date(y, j, i)", "make_date(y, j, 1)", "make_date(y, 2, 29)", "date_trunc('year', ts)",
      "date_trunc('quarter', dt)", "date_trunc('month', ts)", "date_trunc('week', ts)", "date_trunc('day', ts)",
      "date_trunc('hour', ts)", "date_trunc('minute', ts)", "date_trunc('second', ts)",
      "timestamp_add_seconds(ts, l)", "timestamp_add_seconds(ts, d)", "timestamp_add_seconds(dt, i)",
      "timestamp_add_seconds(ts, m)", "timestamp_add_seconds(ts, 0.4999995)",
      "us_state_name(st)", "us_state_name('MA')", "parent.pd * 2", "upper(parent.ps)");

  /** Random functions whose values come from the plan's samplers (their SQL is the samplers'). */
  static final List<String> SAMPLED = List.of(
      "rand_uniform(5, 500)", "rand_normal(70, 12)", "rand_lognormal(3.5, 0.8)", "rand_exp(0.2)",
      "rand_gamma(2, 30)", "rand_gamma(0.5, 1)", "rand_beta(2, 5)", "rand_pareto(1.5, 10)", "rand_poisson(3)",
      "rand_poisson(500)", "rand_zipf(100, 1.1)");

  static final List<String> RANDOM = List.of(
      "rand()", "rand() + rand()", "rand_int(1, 6)", "rand_int(-5, 1000000000000)", "rand_bool(0.05)",
      "rand_choice('S', 'M', 'L', 'XL')", "rand_choice(1, 2, 3)", "rand_choice(DATE '2024-01-01', DATE '2024-02-01')",
      "rand_weighted('card', 70, 'cash', 20, 'wallet', 10)", "rand_weighted(1.5, 0, 2.5, 3, 3.5, 0)",
      "rand_weighted('', 1, 'x', 1)", "dict('colors')", "floor(rand() * (i + 1))",
      "CASE WHEN batch() = 0 THEN 'Active' ELSE rand_weighted('Active', 20, 'Completed', 70, 'Cancelled', 10) END",
      "us_state()", "us_zip(st)", "us_area_code(st)", "us_phone(st)", "us_zip(us_state())", "us_phone(us_state())");

  /** An expression converted to a column type other than its own, as a column of that type stores it. */
  static final List<Case> CONVERSIONS = List.of(
      new Case("d", DataType.decimal(10, 2)), new Case("i", DataType.STRING), new Case("s", DataType.DATE),
      new Case("s", DataType.TIMESTAMP), new Case("dt", DataType.TIMESTAMP), new Case("ts", DataType.DATE),
      new Case("m", DataType.DOUBLE), new Case("d", DataType.INT), new Case("d", DataType.BIGINT),
      new Case("l", DataType.INT), new Case("m * m", DataType.decimal(10, 2)), new Case("i", DataType.DOUBLE),
      new Case("NULL", DataType.BIGINT), new Case("ts", DataType.STRING), new Case("round(d, 2)", DataType.decimal(6, 2)),
      new Case("m / 3", DataType.decimal(12, 4)), new Case("b", DataType.STRING));

  /** Every case but the sampled ones. */
  static List<Case> all() {
    List<Case> r = new ArrayList<>();
    for (List<String> family : List.of(OPERATORS, DECIMALS, CASTS, FUNCTIONS, RANDOM)) {
      for (String e : family) {
        r.add(new Case(e, null));
      }
    }
    r.addAll(CONVERSIONS);
    return r;
  }

  static List<Case> sampled() {
    return SAMPLED.stream().map(e -> new Case(e, null)).toList();
  }
}
