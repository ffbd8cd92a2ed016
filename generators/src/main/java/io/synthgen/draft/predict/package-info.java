/**
 * What a plan will make, said before it is generated: the shares of weighted columns, how foreign keys spread
 * children over parent categories, children per parent of tables generated per parent
 * ({@link io.synthgen.draft.predict.Predictor}), as JSON ({@link io.synthgen.draft.predict.PredictionJson}) and
 * as a section of the rendered plan ({@link io.synthgen.draft.predict.PredictionText}); and the weights that give a
 * foreign key's children target shares by parent category ({@link io.synthgen.draft.predict.TargetShares}). Reads
 * the resolved plan and computes rows exactly as the engine does; no I/O, no clock.
 */
package io.synthgen.draft.predict;
