package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Token;
import io.synthgen.plan.validate.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small helpers over token lists: matching parentheses, splitting at commas, names and source text. */
final class Tokens {

  private Tokens() {
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  static int close(List<Token> ts, int open) {
    int depth = 0;
    for (int i = open; i < ts.size(); i++) {
      if (ts.get(i).isPunct("(")) {
        depth++;
      } else if (ts.get(i).isPunct(")")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The pieces of {@code ts[from, to)} between commas outside parentheses (and outside the angle brackets of a type
   * such as {@code MAP<STRING, INT>}).
   */
  static List<List<Token>> split(List<Token> ts, int from, int to) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> cur = new ArrayList<>();
    int depth = 0;
    int angle = 0;
    for (int i = from; i < to; i++) {
      Token t = ts.get(i);
      if (t.isPunct("(")) {
        depth++;
      } else if (t.isPunct(")")) {
        depth--;
      } else if (depth == 0 && t.isPunct("<")) {
        angle++;
      } else if (depth == 0 && t.isPunct(">") && angle > 0) {
        angle--;
      } else if (depth == 0 && angle == 0 && t.isPunct(",")) {
        out.add(cur);
        cur = new ArrayList<>();
        continue;
      }
      cur.add(t);
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** The source text from the start of {@code ts[from]} to the end of {@code ts[to - 1]}. */
  static String text(String src, List<Token> ts, int from, int to) {
    return from >= to ? "" : src.substring(ts.get(from).start(), ts.get(to - 1).end());
  }

  /** Tokens joined by single spaces (for the normalised statement given to JSqlParser). */
  static String join(List<Token> ts) {
    StringBuilder b = new StringBuilder();
    for (Token t : ts) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t.text());
    }
    return b.toString();
  }

  /** An identifier as declared: a quoted identifier's content, or the word. */
  static String declared(Token t) {
    return t.value();
  }

  /** The last part of a possibly qualified name ({@code main.shop.orders} is {@code orders}), as declared. */
  static String lastPart(String qualified) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (char c : qualified.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (c == '.') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts.get(parts.size() - 1).strip();
  }

  /**
   * The plan name for a declared name: kept when it is a plan identifier, else every run of other characters
   * becomes {@code _} ({@code "Order Date"} is {@code Order_Date}).
   */
  static String planName(String declared) {
    if (PlanValidator.IDENTIFIER.matcher(declared).matches()) {
      return declared;
    }
    String s = declared.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      s = "column";
    }
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
