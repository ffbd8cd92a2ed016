package io.synthgen.output;

import io.synthgen.plan.DataType;

/**
 * A column as a writer sees it.
 *
 * @param distinctEstimate expected number of distinct values in the whole table, or -1 when unknown; writers use it
 *     to choose dictionary or plain encoding (a string column in dictionary layout brings its own dictionary)
 * @param comment the column's note, for formats that carry one
 */
public record OutputColumn(String name, DataType type, boolean nullable, long distinctEstimate, String comment) {
}
