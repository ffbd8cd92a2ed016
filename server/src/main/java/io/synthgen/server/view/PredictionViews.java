package io.synthgen.server.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.predict.PredictionJson;
import io.synthgen.draft.predict.Predictions;
import io.synthgen.draft.predict.Predictor;
import io.synthgen.resolve.ResolvedPlan;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The predictions of a resolved plan, for the structured view and the rendered plan of the same call. They are
 * computed once per resolved plan (the structured view and the text of a call, and later calls on the plan the
 * services keep resolved, share them) and forgotten with it.
 */
public final class PredictionViews {

  private static final Map<ResolvedPlan, Predictions> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private PredictionViews() {
  }

  /** What the plan will make. */
  public static Predictions of(ResolvedPlan r) {
    Predictions p = CACHE.get(r);
    if (p == null) {
      p = Predictor.predict(r);
      CACHE.put(r, p);
    }
    return p;
  }

  /** The {@code predictions} object of the plan tools' results. */
  public static ObjectNode json(ResolvedPlan r) {
    return PredictionJson.of(of(r));
  }
}
