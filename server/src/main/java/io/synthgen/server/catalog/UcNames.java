package io.synthgen.server.catalog;

import java.util.Locale;

/**
 * Unity Catalog names and how they reach SQL. Names follow Unity Catalog's rules (at most 255 characters; no
 * period, space, forward slash, ASCII control character or DELETE); catalog, schema and volume names also become
 * parts of volume file paths, so the characters that URLs reserve ({@code ? # %} and backslash) are refused too.
 * In SQL every identifier is quoted with backticks (a backtick inside doubled) and every text is a string literal
 * with backslash escapes, so no name, comment or plan text is ever spliced into a statement as raw SQL.
 */
public final class UcNames {

  public static final int MAX_LENGTH = 255;

  private UcNames() {
  }

  /**
   * Checks a catalog, schema or volume name.
   *
   * @param what "catalog", "schema" or "volume", for the message
   * @throws IllegalArgumentException saying which rule the name breaks and what to use instead
   */
  public static String require(String what, String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException("the " + what + " name '" + name + "' is not a valid Unity Catalog name: "
          + problem + "; use letters, digits and underscores, e.g. '" + suggestion(name) + "'");
    }
    return name;
  }

  /** Why a name is refused, or null when it is fine. */
  static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "it has " + name.length() + " characters (at most " + MAX_LENGTH + ")";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == ' ' || c == '/') {
        return "it contains '" + c + "'";
      }
      if (c < 0x20 || c == 0x7f) {
        return String.format(Locale.ROOT, "it contains the control character U+%04X", (int) c);
      }
      if (c == '?' || c == '#' || c == '%' || c == '\\') {
        return "it contains '" + c + "', which cannot appear in a volume file path";
      }
    }
    return null;
  }

  private static String suggestion(String name) {
    String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_")
        .replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "synthetic" : s.length() > 64 ? s.substring(0, 64) : s;
  }

  /** A backtick-quoted identifier. */
  public static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** {@code `catalog`.`schema`.`table`}. */
  public static String qualified(String catalog, String schema, String table) {
    return quote(catalog) + "." + quote(schema) + "." + quote(table);
  }

  /** A SQL string literal: single quotes, with backslash and quote escaped by a backslash (Databricks SQL). */
  public static String literal(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\': b.append("\\\\"); break;
        case '\'': b.append("\\'"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (c < 0x20) {
            b.append(' ');
          } else {
            b.append(c);
          }
      }
    }
    return b.append('\'').toString();
  }

  /** The volume folder {@code /Volumes/catalog/schema/volume}. */
  public static String volumePath(String catalog, String schema, String volume) {
    return "/Volumes/" + catalog + "/" + schema + "/" + volume;
  }
}
