package io.synthgen.dictionary;

import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.StrDict;
import java.util.ArrayList;
import java.util.List;

/**
 * The Spark SQL of the composite dictionaries' parts: picks from word lists (constant arrays of the scope), street
 * names, building numbers and phone numbers, each equal to its Java composer in {@link Dictionaries} row for row.
 */
final class ComposeSql {

  private ComposeSql() {
  }

  /**
   * {@code Dictionaries.pick} in SQL: the word at {@code floor(u * size)} of the list, a constant array of the scope
   * named after the list.
   */
  static String pickSql(StrDict d, String list, String bits, SqlScope scope) {
    return "element_at(" + wordsSql(d, list, scope) + ", " + belowSql(bits, d.size()) + " + 1)";
  }

  /** A word list as a constant array of the scope. */
  static String wordsSql(StrDict d, String list, SqlScope scope) {
    List<String> items = new ArrayList<>(d.size());
    for (String v : d.values()) {
      items.add(SqlText.lit(v));
    }
    return scope.constantArray("words_" + list, SqlText.array(items));
  }

  /** {@code (int) Stream.below(bits, bound)} of a BIGINT expression. */
  static String belowSql(String bits, long bound) {
    return "CAST(" + SqlText.toUniform(bits) + " * " + SqlText.lit((double) bound) + " AS INT)";
  }

  /**
   * {@code Dictionaries.streetName} in SQL: the low bit of draw k's bits picks first or last names, the same bits
   * the name.
   */
  static String streetNameSql(String[] x, int k, SqlScope s) {
    return "concat(IF((" + x[k] + " & 1L) = 0L, " + pickSql(Dictionaries.firstNames(), "first_name", x[k], s) + ", "
        + pickSql(Dictionaries.words("name", "last_name"), "last_name", x[k], s) + "), ' ', "
        + pickSql(Dictionaries.words("address", "street_suffix"), "street_suffix", x[k + 1], s) + ")";
  }

  /**
   * {@code Dictionaries.buildingNumber} in SQL. Java's {@code bits * 0x9E3779B97F4A7C15L} wraps modulo 2^64, which
   * Spark's BIGINT product does not (ANSI mode raises): the product is taken by {@link #wrappingProductSql} in 16-bit
   * limbs, whose top 53 bits are the uniform.
   */
  static String buildingNumberSql(String bits) {
    String lo = "element_at(array(100L, 1000L, 10000L), " + belowSql(bits, 3) + " + 1)";
    String u = SqlText.toUniform(wrappingProductSql(bits, 0x9E3779B97F4A7C15L));
    return "CAST(" + lo + " + CAST(" + u + " * CAST(" + lo + " * 9L AS DOUBLE) AS BIGINT) AS STRING)";
  }

  /**
   * Java's wrapping {@code x * k} (modulo 2^64) of a BIGINT expression as a BIGINT expression that cannot overflow:
   * schoolbook multiplication of four 16-bit limbs of {@code x} by those of the constant {@code k} (limbs written
   * as literals), keeping only the columns below 2^64. Every partial product is below 2^32 and every column sum below
   * 2^35; {@code shiftleft} drops the bits above 2^64 without raising in ANSI mode.
   */
  static String wrappingProductSql(String x, long k) {
    String[] xs = new String[4];
    long[] ks = new long[4];
    for (int i = 0; i < 4; i++) {
      String shifted = i == 0 ? x : "shiftrightunsigned(" + x + ", " + 16 * i + ")";
      xs[i] = i == 3 ? shifted : "(" + shifted + " & 65535L)";
      ks[i] = (k >>> (16 * i)) & 0xFFFFL;
    }
    String[] t = new String[4];
    StringBuilder out = new StringBuilder("(");
    for (int col = 0; col < 4; col++) {
      StringBuilder sum = new StringBuilder("(");
      for (int i = 0; i <= col; i++) {
        sum.append(i == 0 ? "" : " + ").append(xs[i]).append(" * ").append(SqlText.lit(ks[col - i]));
      }
      if (col > 0) {
        sum.append(" + shiftright(").append(t[col - 1]).append(", 16)");
      }
      t[col] = sum.append(")").toString();
      String limb = "(" + t[col] + " & 65535L)";
      out.append(col == 0 ? "" : " | ").append(col == 0 ? limb : "shiftleft(" + limb + ", " + 16 * col + ")");
    }
    return out.append(")").toString();
  }

  /** {@code Dictionaries.phone} in SQL. */
  static String phoneSql(String[] x) {
    return "concat('(', CAST(200L + " + belowSql(x[0], 800) + " AS STRING), ') ', CAST(200L + " + belowSql(x[1], 800)
        + " AS STRING), '-', lpad(CAST(" + belowSql(x[2], 10000) + " AS STRING), 4, '0'))";
  }
}
