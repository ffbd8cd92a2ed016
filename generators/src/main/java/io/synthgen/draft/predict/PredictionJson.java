package io.synthgen.draft.predict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.draft.predict.Predictions.CategorySpread;
import io.synthgen.draft.predict.Predictions.ColumnShares;
import io.synthgen.draft.predict.Predictions.KeySpread;
import io.synthgen.draft.predict.Predictions.PerParentCount;
import io.synthgen.draft.predict.Predictions.Share;
import io.synthgen.draft.predict.Predictions.TopShare;

/**
 * Predictions as the structured {@code predictions} object of the plan tools' results. Shares are fractions
 * rounded to 4 decimals, counts to 1 decimal; {@code method} is {@code analytic}, {@code exact} or {@code sample}
 * (then {@code sample_rows} says how many rows the estimate is from).
 */
public final class PredictionJson {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PredictionJson() {
  }

  public static ObjectNode of(Predictions p) {
    ObjectNode o = F.objectNode();
    ArrayNode cols = o.putArray("columns");
    for (ColumnShares c : p.columns()) {
      ObjectNode j = cols.addObject();
      j.put("table", c.table()).put("column", c.column()).put("rows", c.rows()).put("method", c.method().jsonName());
      ArrayNode shares = j.putArray("shares");
      for (Share s : c.shares()) {
        shares.addObject().put("value", s.value()).put("share", share(s.share())).put("rows", count(s.rows()));
      }
      j.put("null_share", share(c.nullShare()));
      if (c.otherValues() > 0) {
        j.putObject("other").put("values", c.otherValues()).put("share", share(c.otherShare()));
      }
    }
    ArrayNode keys = o.putArray("foreign_keys");
    for (KeySpread k : p.foreignKeys()) {
      ObjectNode j = keys.addObject();
      j.put("table", k.table()).put("column", k.column()).put("references", k.references())
          .put("distribution", k.distribution());
      if (k.by() != null) {
        j.put("by", k.by());
      }
      if (k.category() != null) {
        j.put("category", k.category());
      }
      j.put("method", k.method().jsonName());
      if (k.sampleRows() > 0) {
        j.put("sample_rows", k.sampleRows());
      }
      j.put("rows", k.childRows()).put("keyed_rows", count(k.keyedRows())).put("parents", k.parents())
          .put("children_per_parent", count2(k.childrenPerParent()));
      if (!k.byCategory().isEmpty()) {
        ArrayNode cats = j.putArray("by_category");
        for (CategorySpread c : k.byCategory()) {
          ObjectNode cj = cats.addObject();
          if (c.value() == null) {
            cj.putNull("value");
          } else {
            cj.put("value", c.value());
          }
          cj.put("parents", count(c.parents())).put("parent_share", share(c.parentShare()))
              .put("children_per_parent", count2(c.childrenPerParent())).put("child_share", share(c.childShare()));
        }
        if (k.categoriesLeftOff() > 0) {
          j.put("categories_left_off", k.categoriesLeftOff());
        }
      }
      if (!k.top().isEmpty()) {
        ArrayNode top = j.putArray("top_parents");
        for (TopShare t : k.top()) {
          top.addObject().put("parent_fraction", t.parentFraction()).put("child_share", share(t.childShare()));
        }
      }
    }
    ArrayNode pp = o.putArray("per_parent");
    for (PerParentCount c : p.perParent()) {
      ObjectNode j = pp.addObject();
      j.put("table", c.table()).put("parent", c.parentTable()).put("parents", c.parents()).put("rows", c.rows())
          .put("children_per_parent", count2(c.childrenPerParent())).put("method", c.method().jsonName());
      if (c.min() != null) {
        j.put("min", c.min());
      }
      if (c.max() != null) {
        j.put("max", c.max());
      }
    }
    if (p.columnsLeftOff() + p.foreignKeysLeftOff() + p.perParentLeftOff() > 0) {
      o.putObject("left_off").put("columns", p.columnsLeftOff()).put("foreign_keys", p.foreignKeysLeftOff())
          .put("per_parent", p.perParentLeftOff());
    }
    return o;
  }

  private static double share(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private static double count(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static double count2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
