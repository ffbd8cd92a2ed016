/**
 * Plan construction for conversations: drafting a plan from a structured description of a person's own tables
 * ({@link io.synthgen.draft.Drafter}), applying revision operations atomically ({@link io.synthgen.draft.Revisions},
 * renames in {@code Renames}), the JSON Schema of both ({@link io.synthgen.draft.DraftSchema}),
 * a readable diff between two plans ({@link io.synthgen.draft.PlanDiff}), the tier decision
 * ({@link io.synthgen.draft.Tiers}) and the plan rendered for a person ({@link io.synthgen.draft.PlanRenderer}).
 * Pure functions over the plan model and its JSON form: no I/O, no clock, no protocol.
 */
package io.synthgen.draft;
