package io.synthgen.quality;

/**
 * One line of ground truth: what a defect did to one output row.
 *
 * @param row the output position (0-based, duplicates counted) of the altered row
 * @param key the row's primary key as written, or null when the table has none (or it is NULL)
 * @param defect the defect's JSON name ({@code nulls}, {@code duplicates}, ...)
 * @param column the altered column; for near duplicates the changed columns joined by {@code ,}; null for row defects
 * @param original the value before the defect; for duplicates, near duplicates and out-of-order rows the output
 *     position of the copied row or of the swap partner
 * @param injected the value written (null for NULL, and for row defects)
 */
public record TruthRecord(long row, String key, String defect, String column, String original, String injected) {
}
