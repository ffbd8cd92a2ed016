package io.synthgen.draft.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splitting names into lower-case words and the singular of a word, as inference reads them. */
public final class Words {

  private Words() {
  }

  /**
   * The words of an identifier: {@code unit_price}, {@code UnitPrice} and {@code unitPrice} all give [unit, price];
   * {@code discountPct} [discount, pct]; {@code HTTPStatus2} [http, status, 2].
   */
  public static List<String> of(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(w, out);
        continue;
      }
      if (w.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean lowerToUpper = Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev));
        boolean acronymEnd = Character.isUpperCase(c) && Character.isUpperCase(prev) && i + 1 < n
            && Character.isLowerCase(name.charAt(i + 1));
        boolean letterDigit = Character.isDigit(c) != Character.isDigit(prev);
        if (lowerToUpper || acronymEnd || letterDigit) {
          flush(w, out);
        }
      }
      w.append(c);
    }
    flush(w, out);
    return out;
  }

  /** The words joined by underscores: the name as rules compare it ({@code discountPct} is {@code discount_pct}). */
  public static String normal(String name) {
    return String.join("_", of(name));
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() > 0) {
      out.add(w.toString().toLowerCase(Locale.ROOT));
      w.setLength(0);
    }
  }

  /** The singular of an English plural noun, for the common shapes: categories, addresses, boxes, orders. */
  public static String singular(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() <= 3) {
      return w;
    }
    switch (w) {
      case "people": return "person";
      case "children": return "child";
      case "men": return "man";
      case "women": return "woman";
      case "data": case "status": case "news": case "series": case "analysis": case "address": case "business":
      case "campus": case "bus": case "gas": case "class": case "access": case "process": case "sms":
        return w;
      case "statuses": return "status";
      case "analyses": return "analysis";
      case "diagnoses": return "diagnosis";
      default:
        break;
    }
    if (w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("zes")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
