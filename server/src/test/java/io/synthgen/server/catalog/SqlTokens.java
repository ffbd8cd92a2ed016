package io.synthgen.server.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Databricks SQL into tokens the way the warehouse's lexer does for the statements we send: backtick
 * identifiers (a doubled backtick is one backtick), single-quoted string literals with backslash escapes, words,
 * numbers and one-character symbols. Independent of {@link UcNames}, so tests can read back what it wrote.
 */
final class SqlTokens {

  enum Kind { IDENT, STRING, WORD, SYMBOL }

  /** One token; {@code text} is the identifier or literal value, unquoted and unescaped. */
  record Token(Kind kind, String text) {

    boolean is(Kind k, String t) {
      return kind == k && (k == Kind.WORD ? text.equalsIgnoreCase(t) : text.equals(t));
    }

    @Override
    public String toString() {
      return kind + ":" + text;
    }
  }

  private SqlTokens() {
  }

  /** @throws IllegalArgumentException on an unterminated identifier or literal, or a character SQL cannot start */
  static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '`') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= sql.length()) {
            throw new IllegalArgumentException("unterminated identifier in: " + sql);
          }
          char d = sql.charAt(i++);
          if (d == '`') {
            if (i < sql.length() && sql.charAt(i) == '`') {
              b.append('`');
              i++;
            } else {
              break;
            }
          } else {
            b.append(d);
          }
        }
        out.add(new Token(Kind.IDENT, b.toString()));
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= sql.length()) {
            throw new IllegalArgumentException("unterminated string literal in: " + sql);
          }
          char d = sql.charAt(i++);
          if (d == '\'') {
            break;
          }
          if (d == '\\') {
            if (i >= sql.length()) {
              throw new IllegalArgumentException("dangling backslash in: " + sql);
            }
            char e = sql.charAt(i++);
            b.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
          } else {
            b.append(d);
          }
        }
        out.add(new Token(Kind.STRING, b.toString()));
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int start = i;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.WORD, sql.substring(start, i)));
      } else if ("(),.=*;-".indexOf(c) >= 0) {
        out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      } else {
        throw new IllegalArgumentException("unexpected character '" + c + "' at " + i + " in: " + sql);
      }
    }
    return out;
  }

  /** Reads tokens in order; every {@code expect} failure names what was wanted and what was there. */
  static final class Reader {
    private final List<Token> tokens;
    private int pos;

    Reader(String sql) {
      this.tokens = tokenize(sql);
    }

    boolean peekWord(String w) {
      return pos < tokens.size() && tokens.get(pos).is(Kind.WORD, w);
    }

    boolean acceptWords(String... words) {
      for (int k = 0; k < words.length; k++) {
        if (pos + k >= tokens.size() || !tokens.get(pos + k).is(Kind.WORD, words[k])) {
          return false;
        }
      }
      pos += words.length;
      return true;
    }

    boolean acceptSymbol(String s) {
      if (pos < tokens.size() && tokens.get(pos).is(Kind.SYMBOL, s)) {
        pos++;
        return true;
      }
      return false;
    }

    void words(String... words) {
      if (!acceptWords(words)) {
        throw fail(String.join(" ", words));
      }
    }

    void symbol(String s) {
      if (!acceptSymbol(s)) {
        throw fail("'" + s + "'");
      }
    }

    String next(Kind k) {
      if (pos >= tokens.size() || tokens.get(pos).kind() != k) {
        throw fail(k.name().toLowerCase(java.util.Locale.ROOT));
      }
      return tokens.get(pos++).text();
    }

    /** {@code `a`.`b`.`c`} as its three parts. */
    List<String> qualifiedName() {
      List<String> parts = new ArrayList<>();
      parts.add(next(Kind.IDENT));
      while (acceptSymbol(".")) {
        parts.add(next(Kind.IDENT));
      }
      if (parts.size() != 3) {
        throw new IllegalArgumentException("expected catalog.schema.table, got " + parts);
      }
      return parts;
    }

    void end() {
      if (pos != tokens.size()) {
        throw fail("the end of the statement");
      }
    }

    private IllegalArgumentException fail(String wanted) {
      return new IllegalArgumentException("expected " + wanted + " at token " + pos + ", found "
          + (pos < tokens.size() ? tokens.get(pos) : "the end"));
    }
  }
}
