package io.synthgen.profile;

import io.synthgen.testing.Duck;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Files of known distributions, written by DuckDB (the independent engine), for the profiler's tests. The draws are
 * seeded ({@code setseed}, one thread), so every run writes the same file.
 */
final class KnownData {

  static final int ROWS = 20_000;

  private KnownData() {
  }

  /** The select that makes the rows: one column per family, a weighted category with a rare value, a date, a SKU. */
  static String select(int rows) {
    return "WITH u AS (SELECT i, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, "
        + "random() AS u6, random() AS u7, random() AS u8, random() AS u9 FROM range(" + rows + ") t(i)) "
        + "SELECT i + 1 AS id, "
        + "100 + 15 * sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) AS height_normal, "
        + "exp(3 + 0.5 * sqrt(-2 * ln(1 - u3)) * cos(2 * pi() * u4)) AS amount_lognormal, "
        + "-ln(1 - u5) / 0.25 AS wait_exponential, "
        + "2.0 * (-ln(1 - u6) - ln(1 - u7) - ln(1 - u8)) AS load_gamma, "
        + "10 + 40 * u9 AS score_uniform, "
        + "CASE WHEN i % 10000 IN (17, 4017, 8017) THEN 'Platinum-VIP' "
        + "WHEN u1 < 0.6 THEN 'Free' WHEN u1 < 0.9 THEN 'Pro' ELSE 'Enterprise' END AS tier, "
        + "DATE '2023-01-01' + CAST(floor(u2 * 365) AS INTEGER) AS signup_date, "
        + "'SKU-' || lpad(CAST(CAST(floor(u3 * 100000) AS INTEGER) AS VARCHAR), 5, '0') AS sku, "
        + "CASE WHEN u4 < 0.1 THEN NULL ELSE CAST(floor(u5 * 5) AS INTEGER) + 1 END AS rating, "
        + "'(' || CAST(200 + CAST(floor(u6 * 700) AS INTEGER) AS VARCHAR) || ') 555-' "
        + "|| lpad(CAST(CAST(floor(u7 * 10000) AS INTEGER) AS VARCHAR), 4, '0') AS phone, "
        + "u8 < 0.3 AS is_active "
        + "FROM u ORDER BY i";
  }

  /** Writes {@code rows} rows to {@code file} as Parquet, CSV or JSONL (by its suffix). */
  static Path write(Path file, int rows) throws SQLException {
    try (Duck d = new Duck()) {
      d.exec("SET threads = 1");
      d.exec("SELECT setseed(0.42)");
      String f = file.toString().replace("'", "''");
      String format = f.endsWith(".parquet") ? "(FORMAT parquet)" : f.endsWith(".csv") ? "(FORMAT csv, HEADER)"
          : "(FORMAT json)";
      d.exec("COPY (" + select(rows) + ") TO '" + f + "' " + format);
    }
    return file;
  }
}
