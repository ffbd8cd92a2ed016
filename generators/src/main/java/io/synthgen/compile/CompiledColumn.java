package io.synthgen.compile;

import io.synthgen.plan.DataType;

/**
 * An output column of a compiled table, in plan order.
 *
 * @param sparkType the Spark SQL spelling of {@code type} ({@link io.synthgen.column.ValueSql#sparkType})
 * @param comment the column's note in the plan, or null
 */
public record CompiledColumn(String name, DataType type, String sparkType, String comment) {
}
