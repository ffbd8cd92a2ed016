package io.synthgen.draft.predict;

import io.synthgen.draft.predict.Predictions.CategorySpread;
import io.synthgen.draft.predict.Predictions.ColumnShares;
import io.synthgen.draft.predict.Predictions.KeySpread;
import io.synthgen.draft.predict.Predictions.Method;
import io.synthgen.draft.predict.Predictions.PerParentCount;
import io.synthgen.draft.predict.Predictions.Share;
import io.synthgen.draft.predict.Predictions.TopShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Predictions as a short Markdown section of the rendered plan: one line per column, key and per-parent table. */
public final class PredictionText {

  /** Categories that get less than this share of the children are listed together. */
  private static final double SCARCE = 1e-4;

  private PredictionText() {
  }

  /** The section, or an empty string when there is nothing to predict. */
  public static String markdown(Predictions p) {
    if (p.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\n### What it will make (predicted)\n");
    for (ColumnShares c : p.columns()) {
      b.append("- `").append(c.table()).append('.').append(c.column()).append("`: ").append(shares(c)).append('\n');
    }
    for (KeySpread k : p.foreignKeys()) {
      b.append("- `").append(k.table()).append('.').append(k.column()).append("` → ").append(k.parentTable())
          .append(": ").append(key(k)).append('\n');
    }
    for (PerParentCount c : p.perParent()) {
      b.append("- `").append(c.table()).append("` per row of ").append(c.parentTable()).append(": ")
          .append(number(c.childrenPerParent())).append(" on average")
          .append(bounds(c)).append(String.format(Locale.ROOT, " (exact: %,d rows for %,d %s)", c.rows(), c.parents(),
              c.parentTable())).append('\n');
    }
    int off = p.columnsLeftOff() + p.foreignKeysLeftOff() + p.perParentLeftOff();
    if (off > 0) {
      b.append("- … and ").append(off).append(" more (weighted columns, keys or per-parent tables) not predicted\n");
    }
    return b.toString();
  }

  private static String shares(ColumnShares c) {
    List<String> parts = new ArrayList<>();
    for (Share s : c.shares()) {
      parts.add(s.value() + " " + pct(s.share()) + String.format(Locale.ROOT, " (~%,d)", Math.round(s.rows())));
    }
    if (c.otherValues() > 0) {
      parts.add(c.otherValues() + " other values " + pct(c.otherShare()));
    }
    if (c.nullShare() > 0) {
      parts.add("NULL " + pct(c.nullShare()));
    }
    return String.join(", ", parts) + String.format(Locale.ROOT, " of %,d rows", c.rows());
  }

  private static String key(KeySpread k) {
    String perParent = number(k.childrenPerParent()) + " " + k.table() + " per row of " + k.parentTable()
        + " on average";
    if (k.distribution().equals("uniform")) {
      return perParent + " (uniform)";
    }
    StringBuilder b = new StringBuilder();
    if (k.distribution().equals("zipf")) {
      b.append("zipf: ").append(perParent);
    } else {
      b.append("weighted by ").append(k.category() != null ? k.category() : k.by()).append(": ");
      List<String> cats = new ArrayList<>();
      List<String> scarce = new ArrayList<>();
      for (CategorySpread c : k.byCategory()) {
        if (c.childShare() < SCARCE) {
          scarce.add(c.value() == null ? "NULL" : c.value());
          continue;
        }
        cats.add((c.value() == null ? "NULL" : c.value()) + " " + k.parentTable() + ": " + number(c.childrenPerParent())
            + " " + k.table() + " each (" + pct(c.childShare()) + " of " + k.table() + ")");
      }
      if (!scarce.isEmpty()) {
        cats.add(String.join(", ", scarce) + " " + k.parentTable() + ": almost none (each under " + pct(SCARCE) + " of "
            + k.table() + ")");
      }
      if (k.categoriesLeftOff() > 0) {
        cats.add(k.categoriesLeftOff() + " more categories");
      }
      b.append(cats.isEmpty() ? perParent : String.join("; ", cats));
    }
    if (!k.top().isEmpty() && k.byCategory().isEmpty()) {
      List<String> tops = new ArrayList<>();
      for (TopShare t : k.top()) {
        tops.add("the top " + pct(t.parentFraction()) + " of " + k.parentTable() + " get " + pct(t.childShare())
            + " of " + k.table());
      }
      b.append("; ").append(String.join(", ", tops));
    }
    return b.append(method(k)).toString();
  }

  private static String method(KeySpread k) {
    Method m = k.method();
    switch (m) {
      case ANALYTIC:
        return " (expected)";
      case EXACT:
        return String.format(Locale.ROOT, " (exact over all %,d %s)", k.parents(), k.parentTable());
      case SAMPLE:
        return String.format(Locale.ROOT, " (estimated from a sample of %,d of the %,d %s)", k.sampleRows(),
            k.parents(), k.parentTable());
    }
    throw new IllegalArgumentException("unknown method " + m);
  }

  private static String bounds(PerParentCount c) {
    if (c.min() == null && c.max() == null) {
      return "";
    }
    if (c.min() == null) {
      return ", at most " + number(c.max()) + " each";
    }
    if (c.max() == null) {
      return ", at least " + number(c.min()) + " each";
    }
    return ", " + number(c.min()) + "–" + number(c.max()) + " each";
  }

  static String pct(double f) {
    double p = 100 * f;
    String s = String.format(Locale.ROOT, p < 1 && p > 0 ? "%.2f" : "%.1f", p);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s + "%";
  }

  static String number(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) x);
    }
    return String.format(Locale.ROOT, Math.abs(x) < 1 ? "%.2f" : "%,.1f", x);
  }
}
