package io.synthgen.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/** The hostile values a mutation puts into a plan: extreme numbers, odd strings, types, strategies, expressions. */
final class Hostile {

  static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Numbers at and past every limit a plan field has, plus fractions and tiny values. */
  static final List<JsonNode> NUMBERS = List.of(
      F.numberNode(0), F.numberNode(-1), F.numberNode(1), F.numberNode(2), F.numberNode(1_000_000_000L),
      F.numberNode(new BigInteger("10000000000000000000")), // 1e19
      F.numberNode(BigInteger.ONE.shiftLeft(63)), // 2^63
      F.numberNode(Long.MAX_VALUE), F.numberNode(Long.MIN_VALUE), F.numberNode(Integer.MAX_VALUE),
      F.numberNode(Integer.MIN_VALUE), F.numberNode(1e308), F.numberNode(-1e308), F.numberNode(0.5),
      F.numberNode(-0.5), F.numberNode(1e-300), F.numberNode(new BigDecimal("1e400")),
      F.numberNode(9_007_199_254_740_993L), F.numberNode(500_000_000_000L), F.numberNode(100_000_000L),
      F.numberNode(1e12), F.numberNode(1e13), F.numberNode(3.7), F.numberNode(-0.0));

  /** Strings that look like numbers but are not JSON numbers. */
  static final List<String> NUMBER_LIKE = List.of("NaN", "Infinity", "-Infinity", "1e999", "0x10", "", " 1 ");

  /** Odd strings: empty, control characters, astral and combining characters, a lone surrogate, right-to-left. */
  static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\uD800", "\uDFFF\uD800", "𝕏𝕐ℤ",
      "e\u0301", "\u202Eevil", "\uFEFF", "tab\tnew\nline", "'", "\"", "\\", "$", "{}", "ref", "ref-99999999d",
      "ref+99999999d", "0000-00-00", "9999-12-31", "0001-01-01", "-999999999-01-01", "2024-02-30", "1 hour",
      "0 days", "-1 day", "999999999999 seconds", "SELECT", "null", "../../etc", "ü".repeat(300));

  static final List<String> TYPES = List.of("bigint", "int", "double", "decimal(12,2)", "decimal(38,0)",
      "decimal(18,0)", "decimal(18,18)", "decimal(1,0)", "decimal(0,0)", "decimal(5,6)", "string", "boolean", "date",
      "timestamp", "long", "integer", "BIGINT", "varchar", "decimal(10, 2)", "array<int>", "");

  static final List<String> STRATEGIES = List.of("sequence", "uniform", "values", "distribution", "date_range",
      "dictionary", "pattern", "uuid", "boolean", "constant", "foreign_key", "parent", "child_index", "lookup",
      "child_aggregate", "expression", "faker", "");

  static final List<String> DISTRIBUTIONS = List.of("normal", "lognormal", "exponential", "gamma", "beta", "pareto",
      "zipf", "poisson", "uniform");

  /** A hostile expression over {@code col}, a column name of the same table. */
  static String expression(Random r, String col) {
    switch (r.nextInt(24)) {
      case 0: return "(".repeat(3000 + r.nextInt(20000)) + "1" + ")".repeat(3000 + r.nextInt(20000));
      case 1: return "1" + " + 1".repeat(5000 + r.nextInt(50000));
      case 2: return "lpad(CAST(" + col + " AS STRING), 2000000000, 'x')";
      case 3: return "rpad('a', 2147483647)";
      case 4: return "regexp_replace(CAST(" + col + " AS STRING), '(a)', '$5')";
      case 5: return "regexp_replace('abc', '(', 'x')";
      case 6: return "date_add(DATE '2024-01-01', 99999999)";
      case 7: return "date_add(reference_date(), " + col + ")";
      case 8: return "add_months(DATE '2024-01-31', 2000000000)";
      case 9: return "rand_beta(1e-300, 1e-300)";
      case 10: return "rand_poisson(1e18)";
      case 11: return "rand_zipf(9223372036854775807, 0.0001)";
      case 12: return "pow(10, 400)";
      case 13: return "CAST('1e400' AS DOUBLE)";
      case 14: return "CAST(" + col + " AS decimal(38,0))";
      case 15: return "timestamp_add_seconds(TIMESTAMP '2024-01-01 00:00:00', 1e30)";
      case 16: return "make_date(2147483647, 1, 1)";
      case 17: return "substr('abc', -2147483648, 2147483647)";
      case 18: return "CASE " + "WHEN rand() < 0.5 THEN 1 ".repeat(2000 + r.nextInt(5000)) + "END";
      case 19: return "concat(" + "'x', ".repeat(20000) + "'y')";
      case 20: return "9223372036854775807 + 1";
      case 21: return "rand_weighted('a', 1e308, 'b', 1e308)";
      case 22: return "split_part('a,b', ',', -2147483648)";
      default: return "abs(" .repeat(500 + r.nextInt(3000)) + col + ")".repeat(500 + r.nextInt(3000));
    }
  }

  static JsonNode number(Random r) {
    return NUMBERS.get(r.nextInt(NUMBERS.size()));
  }

  static String string(Random r) {
    if (r.nextInt(12) == 0) {
      return "x".repeat(100_000 + r.nextInt(1_000_000));
    }
    return STRINGS.get(r.nextInt(STRINGS.size()));
  }

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  private Hostile() {
  }
}
