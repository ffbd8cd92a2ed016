package io.synthgen.validate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ground truth of one table's injected defects as a run reads it: records per defect and mismatches. */
final class InjectedDefects {

  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long mismatches;
  private String firstMismatch;

  void add(Map<String, Long> c, long m, String first) {
    c.forEach((k, v) -> counts.merge(k, v, Long::sum));
    mismatches += m;
    if (firstMismatch == null) {
      firstMismatch = first;
    }
  }

  /** {@code defects: expected "injected: nulls 200, duplicates 10 (210 records)", observed "all found as recorded"}. */
  Check check(String table) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder exp = new StringBuilder("injected: ");
    counts.forEach((k, v) -> exp.append(exp.length() == 10 ? "" : ", ").append(k).append(' ').append(v));
    exp.append(" (").append(total).append(" records of ground truth)");
    String obs = mismatches == 0 ? "all " + total + " found in the data as recorded"
        : mismatches + " records do not match the data; first: " + firstMismatch;
    return new Check(table, null, "defects", exp.toString(), obs, mismatches == 0);
  }
}
