package io.synthgen.profile.scan;

import io.synthgen.profile.ColumnProfile;
import io.synthgen.profile.ForeignKeyCandidate;
import io.synthgen.profile.TableProfile;
import io.synthgen.profile.stats.KeyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Foreign keys by inclusion: a child column is a foreign key of a parent table when every one of its non-null
 * values is among the parent's key values ({@link KeyValues#includes}) and, for integers, its name ties it to the
 * parent, because small integers are included in every sequence key (a {@code quantity} of 1 to 5 lies inside
 * {@code customer_id} 1 to 5,000). A tie is a child named like the parent key ({@code customer_id}), or named after
 * the parent table ({@code customer} + {@code _id}/{@code id}/{@code _key}/{@code _code}/{@code _no}). Among several
 * parents the best-named wins, then the smaller.
 */
final class ForeignKeys {

  private static final List<String> KEY_SUFFIXES = List.of("_id", "id", "_key", "_code", "_no", "_number", "_ref");

  private ForeignKeys() {
  }

  static List<ForeignKeyCandidate> find(List<TableProfile> tables, Map<String, Map<String, KeyValues>> values) {
    List<ForeignKeyCandidate> out = new ArrayList<>();
    for (TableProfile child : tables) {
      String childKey = child.keys().isEmpty() ? null : child.keys().get(0).column();
      for (ColumnProfile c : child.columns()) {
        KeyValues cv = values.get(child.name()).get(c.name());
        if (cv == null || c.name().equals(childKey) || c.nonNull() == 0) {
          continue;
        }
        ForeignKeyCandidate best = null;
        int bestScore = -1;
        long bestRows = Long.MAX_VALUE;
        for (TableProfile parent : tables) {
          if (parent == child || parent.keys().isEmpty()) {
            continue;
          }
          String pk = parent.keys().get(0).column();
          KeyValues pv = values.get(parent.name()).get(pk);
          if (pv == null) {
            continue;
          }
          int score = score(c.name(), parent.name(), pk);
          if (cv.integral() && score == 0) {
            continue;
          }
          String method = pv.includes(cv);
          if (method == null) {
            continue;
          }
          if (score > bestScore || score == bestScore && parent.rows() < bestRows) {
            best = new ForeignKeyCandidate(child.name(), c.name(), parent.name(), pk, method,
                c.distinct().count());
            bestScore = score;
            bestRows = parent.rows();
          }
        }
        if (best != null) {
          out.add(best);
        }
      }
    }
    return out;
  }

  static int score(String child, String parentTable, String parentKey) {
    String c = child.toLowerCase(Locale.ROOT);
    if (c.equals(parentKey.toLowerCase(Locale.ROOT)) && !c.equals("id")) {
      return 3;
    }
    String stem = stem(c);
    if (stem != null) {
      String t = parentTable.toLowerCase(Locale.ROOT);
      if (stem.equals(t) || singular(t).equals(stem) || singular(t).equals(singular(stem))) {
        return 2;
      }
      if (stem.endsWith("_" + singular(t))) {
        return 1; // billing_customer_id
      }
    }
    return 0;
  }

  /** Whether a column is named after a table as a key is: {@code customer_id} of {@code customers}. */
  static boolean namedAfter(String column, String table) {
    String stem = stem(column.toLowerCase(Locale.ROOT));
    String t = table.toLowerCase(Locale.ROOT);
    return stem != null && (stem.equals(t) || stem.equals(singular(t)));
  }

  private static String stem(String c) {
    for (String s : KEY_SUFFIXES) {
      if (c.endsWith(s) && c.length() > s.length()) {
        String st = c.substring(0, c.length() - s.length());
        return st.endsWith("_") ? st.substring(0, st.length() - 1) : st;
      }
    }
    return null;
  }

  static String singular(String t) {
    if (t.endsWith("ies") && t.length() > 3) {
      return t.substring(0, t.length() - 3) + "y";
    }
    if (t.endsWith("ses") || t.endsWith("xes") || t.endsWith("ches") || t.endsWith("shes")) {
      return t.substring(0, t.length() - 2);
    }
    if (t.endsWith("s") && !t.endsWith("ss") && t.length() > 1) {
      return t.substring(0, t.length() - 1);
    }
    return t;
  }
}
