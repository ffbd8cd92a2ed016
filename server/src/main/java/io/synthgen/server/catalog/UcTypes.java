package io.synthgen.server.catalog;

import io.synthgen.plan.DataType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Unity Catalog column types (as DESCRIBE TABLE spells them) as plan types. */
final class UcTypes {

  private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric|dec)\\s*(?:\\((\\d+)\\s*(?:,\\s*(\\d+))?\\))?");

  private UcTypes() {
  }

  /**
   * The plan type of a Unity Catalog type, or null for a type a plan cannot hold (binary, interval, array, map,
   * struct, variant, void). A decimal of more than {@link DataType#MAX_DECIMAL_PRECISION} digits becomes a double.
   */
  static DataType of(String ucType) {
    String t = ucType.trim().toLowerCase(Locale.ROOT);
    Matcher d = DECIMAL.matcher(t);
    if (d.matches()) {
      int p = d.group(1) == null ? 10 : Integer.parseInt(d.group(1));
      int s = d.group(2) == null ? 0 : Integer.parseInt(d.group(2));
      return p <= DataType.MAX_DECIMAL_PRECISION ? DataType.decimal(p, s) : DataType.DOUBLE;
    }
    if (t.startsWith("varchar") || t.startsWith("char")) {
      return DataType.STRING;
    }
    return switch (t) {
      case "bigint", "long" -> DataType.BIGINT;
      case "int", "integer", "smallint", "short", "tinyint", "byte" -> DataType.INT;
      case "double", "float", "real" -> DataType.DOUBLE;
      case "string" -> DataType.STRING;
      case "boolean" -> DataType.BOOLEAN;
      case "date" -> DataType.DATE;
      case "timestamp", "timestamp_ntz", "timestamp_ltz" -> DataType.TIMESTAMP;
      default -> null;
    };
  }
}
