package io.synthgen.profile.scan;

import io.synthgen.plan.validate.PlanLimits;
import java.util.Locale;
import java.util.Set;

/** Plan identifiers for names found in files: table names from file names, column names from headers and keys. */
public final class Names {

  private Names() {
  }

  /**
   * A valid identifier (a letter or {@code _}, then letters, digits or {@code _}): each run of other characters
   * becomes one {@code _}, a leading digit gets a {@code _} before it; unique (ignoring case) among {@code taken},
   * which it joins, by a suffix {@code _2}, {@code _3}...
   */
  public static String identifier(String raw, Set<String> taken) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < raw.length() && sb.length() < PlanLimits.MAX_NAME_LENGTH - 4; i++) {
      char c = raw.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
      if (ok) {
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
        sb.append('_'); // a run of other characters becomes one underscore: "opened, at" is opened_at
      }
    }
    while (sb.length() > 1 && sb.charAt(sb.length() - 1) == '_' && !raw.endsWith("_")) {
      sb.setLength(sb.length() - 1);
    }
    return unique(sb, taken);
  }

  /**
   * {@code base} (letters, digits and {@code _}) as an identifier: a {@code _} before a leading digit or for an empty
   * base; unique (ignoring case) among {@code taken}, which it joins, by a suffix {@code _2}, {@code _3}...
   */
  public static String unique(CharSequence base, Set<String> taken) {
    String start = base.length() == 0 || Character.isDigit(base.charAt(0)) ? "_" + base : base.toString();
    String name = start;
    for (int k = 2; taken.contains(name.toLowerCase(Locale.ROOT)); k++) {
      name = start + "_" + k;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return name;
  }
}
