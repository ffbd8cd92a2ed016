/**
 * Profiles of data a person already has, and plans made from them.
 *
 * <p>The model is plain records, independent of where the numbers came from: {@link io.synthgen.profile.SourceProfile}
 * (a source of one or more tables, with foreign keys found between them), {@link io.synthgen.profile.TableProfile}
 * (rows, columns, candidate keys), {@link io.synthgen.profile.ColumnProfile} (type, nulls, distinct count, top
 * values with counts, numeric/temporal/string summaries, uniqueness), {@link io.synthgen.profile.FittedDistribution}
 * (the family chosen by a goodness-of-fit statistic, with its parameters), {@link io.synthgen.profile.KeyCandidate}
 * and {@link io.synthgen.profile.ForeignKeyCandidate}. The file profiler fills them by streaming Parquet, CSV and
 * JSONL files; a warehouse profiler may fill them from aggregate SQL. The planner turns any profile into a plan,
 * keeping every source value out of it unless it occurs at least k times.
 */
package io.synthgen.profile;
