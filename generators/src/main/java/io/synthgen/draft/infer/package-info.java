/**
 * Inference of a plan column from a described column and its context, as a table of rules
 * ({@link io.synthgen.draft.infer.Rules}): each rule matches words of the column name, may require something of the
 * context (what the table is about, sibling columns, the declared type) and names a strategy template that fills in
 * the type and parameters. {@link io.synthgen.draft.infer.Inference} applies the first rule that fits and says why in
 * the column's note. Pure functions over plain data: no I/O beyond reading the category vocabulary resource once.
 */
package io.synthgen.draft.infer;
