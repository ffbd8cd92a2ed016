package io.synthgen.profile;

import io.synthgen.plan.DataType;
import java.util.List;

/**
 * The profile of one column.
 *
 * @param name the column name (a valid plan identifier; the source's name when it already is one)
 * @param sourceName the column's name in the source, when it differs from {@code name}
 * @param type the column type: a Parquet file's logical type, a warehouse type, or the type sniffed from CSV/JSONL
 *     text (the narrowest of int, bigint, decimal(p,s), double, date, timestamp, boolean that holds every value,
 *     else string)
 * @param rows rows seen
 * @param nulls NULL cells among them (an empty CSV field or a JSON null or missing key counts as NULL)
 * @param distinct distinct non-null values
 * @param topValues the most frequent non-null values with their counts, most frequent first (at most
 *     {@link ProfileLimits#TOP_VALUES}); the counts are exact when {@code topValuesExact}
 * @param topValuesExact true when every value was counted exactly, false when the counts came from a bounded
 *     heavy-hitters summary (a column with more than {@link ProfileLimits#EXACT_VALUE_COUNTS} distinct values), in
 *     which case a count may be over by at most the summary's error
 * @param numeric the numeric summary of an integer, decimal or double column, else null
 * @param temporal the range of a date or timestamp column, else null
 * @param strings lengths and shapes of a string column, else null
 * @param trueCount for a boolean column, the number of true cells, else null
 */
public record ColumnProfile(String name, String sourceName, DataType type, long rows, long nulls,
    DistinctCount distinct, List<ValueCount> topValues, boolean topValuesExact, NumericSummary numeric,
    TemporalSummary temporal, StringSummary strings, Long trueCount) {

  public ColumnProfile {
    topValues = List.copyOf(topValues);
  }

  /** NULL cells over rows, 0 for an empty column. */
  public double nullRate() {
    return rows == 0 ? 0 : (double) nulls / rows;
  }

  /** Non-null cells. */
  public long nonNull() {
    return rows - nulls;
  }

  /** True when the non-null values are all different (exactly, or estimated as {@link DistinctCount} says). */
  public boolean unique() {
    return nonNull() > 0 && distinct.unique();
  }
}
