package io.synthgen.sql;

import java.util.List;

/**
 * Spark SQL text for constants and random draws, identical on open-source Spark, Photon and a Databricks SQL
 * warehouse (no UDFs, no session settings assumed beyond ANSI mode on or off).
 */
public final class SqlText {

  /** 2^-53 as Spark parses it back exactly. */
  public static final String DOUBLE_UNIT = "1.1102230246251565E-16D";

  private SqlText() {
  }

  /** A BIGINT literal. */
  public static String lit(long v) {
    return v == Long.MIN_VALUE ? "(-9223372036854775807L - 1L)" : v < 0 ? "(" + v + "L)" : v + "L";
  }

  /** An INT literal. */
  public static String litInt(int v) {
    return v < 0 ? "(" + v + ")" : Integer.toString(v);
  }

  /**
   * A DOUBLE literal that Spark parses to exactly {@code v} (Java's shortest round-trip spelling with a D suffix);
   * NaN and infinities as casts of their names.
   */
  public static String lit(double v) {
    if (Double.isNaN(v)) {
      return "CAST('NaN' AS DOUBLE)";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
    }
    if (v == 0 && 1 / v < 0) {
      return "(-0.0D)";
    }
    String s = Double.toString(v) + "D";
    return v < 0 ? "(" + s + ")" : s;
  }

  /**
   * A STRING literal: single quotes, with backslashes and quotes escaped as Spark's default parser reads them, and
   * the dollar sign of a dollar-brace pair written as a unicode escape (backslash, u0024), so that Spark's variable
   * substitution, which rewrites dollar-brace names anywhere in a statement's text (literals included), leaves the
   * value alone.
   */
  public static String lit(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        b.append("\\u0024");
        continue;
      }
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\'' -> b.append("\\'");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('\'').toString();
  }

  /** A quoted identifier: backticks, inner backticks doubled. */
  public static String ident(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** {@code array(a, b, ...)} of SQL expressions. */
  public static String array(List<String> items) {
    return "array(" + String.join(", ", items) + ")";
  }

  /** 64 random bits of stream {@code key} at the scope's row: {@code Stream.bits(rowHash)} = xxhash64(row, key). */
  public static String bits(SqlScope s, long key) {
    return "xxhash64(" + s.row() + ", " + lit(key) + ")";
  }

  /** A uniform double in [0, 1) of stream {@code key}: {@code Stream.uniform(rowHash)}. */
  public static String uniform(SqlScope s, long key) {
    return "(shiftrightunsigned(" + bits(s, key) + ", 11) * " + DOUBLE_UNIT + ")";
  }

  /** {@code Stream.toUniform(bits)} of a BIGINT SQL expression. */
  public static String toUniform(String bitsSql) {
    return "(shiftrightunsigned(" + bitsSql + ", 11) * " + DOUBLE_UNIT + ")";
  }

  /** {@code Stream.below(bits, bound)}: floor(u * bound) as BIGINT, exact for bound up to 2^53. */
  public static String below(String bitsSql, long bound) {
    return "CAST(" + toUniform(bitsSql) + " * " + lit((double) bound) + " AS BIGINT)";
  }
}
