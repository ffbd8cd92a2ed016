/**
 * Plans from DDL: CREATE TABLE scripts of Spark/Databricks, PostgreSQL, MySQL and Snowflake read with a small
 * tokenizer and JSqlParser ({@link io.synthgen.draft.ddl.DdlPlans}), mapped to the description the
 * {@link io.synthgen.draft.Drafter} takes and fitted to the DDL's bounds and lengths. Pure functions: no I/O, no
 * clock.
 */
package io.synthgen.draft.ddl;
