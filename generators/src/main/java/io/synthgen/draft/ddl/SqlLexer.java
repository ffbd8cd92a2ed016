package io.synthgen.draft.ddl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DDL text into tokens and statements, for the clause handling JSqlParser cannot do (dialect options, types,
 * identity and comment clauses) and for line numbers. It knows the lexical rules the four dialects share: words,
 * identifiers quoted with {@code "} or {@code `}, strings in {@code '} (with {@code ''} and, for MySQL,
 * backslash escapes), PostgreSQL dollar-quoted strings, numbers, {@code --}, {@code #} and block comments. It never
 * interprets a statement; it only says where its pieces are.
 */
final class SqlLexer {

  /** Token kinds. */
  enum Kind { WORD, QUOTED, STRING, NUMBER, PUNCT }

  /**
   * One token: {@code text} is the source text; {@code value} is a word, the unquoted identifier or the string's
   * content; {@code start} and {@code end} are offsets into the source.
   */
  record Token(Kind kind, String text, String value, int line, int start, int end) {

    boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(String p) {
      return kind == Kind.PUNCT && text.equals(p);
    }

    /** A name: a word or a quoted identifier. */
    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED;
    }
  }

  /** A statement: its tokens (without the closing semicolon) and the line it starts on. */
  record Statement(List<Token> tokens, int line) {
  }

  /** A lexical error: the line it starts on and what is wrong. */
  static final class LexException extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    LexException(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final String src;
  private int pos;
  private int line = 1;

  private SqlLexer(String src) {
    this.src = src;
  }

  /** The statements of {@code src}, split at semicolons outside strings, quotes and comments; empty ones dropped. */
  static List<Statement> statements(String src) throws LexException {
    SqlLexer lx = new SqlLexer(src);
    List<Statement> out = new ArrayList<>();
    List<Token> cur = new ArrayList<>();
    for (Token t = lx.next(); t != null; t = lx.next()) {
      if (t.isPunct(";")) {
        if (!cur.isEmpty()) {
          out.add(new Statement(List.copyOf(cur), cur.get(0).line()));
          cur.clear();
        }
      } else {
        cur.add(t);
      }
    }
    if (!cur.isEmpty()) {
      out.add(new Statement(List.copyOf(cur), cur.get(0).line()));
    }
    return out;
  }

  /** The tokens of one piece of text (no statement splitting). */
  static List<Token> tokens(String src) throws LexException {
    SqlLexer lx = new SqlLexer(src);
    List<Token> out = new ArrayList<>();
    for (Token t = lx.next(); t != null; t = lx.next()) {
      out.add(t);
    }
    return out;
  }

  private Token next() throws LexException {
    skipSpaceAndComments();
    if (pos >= src.length()) {
      return null;
    }
    int start = pos;
    int startLine = line;
    char c = src.charAt(pos);
    if (c == '\'') {
      return string(start, startLine);
    }
    if (c == '"' || c == '`') {
      return quoted(start, startLine, c);
    }
    if (c == '$' && dollarTag() != null) {
      return dollarString(start, startLine);
    }
    if (Character.isDigit(c) || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
          || (src.charAt(pos) == '-' || src.charAt(pos) == '+') && (src.charAt(pos - 1) == 'e'
          || src.charAt(pos - 1) == 'E'))) {
        pos++;
      }
      String text = src.substring(start, pos);
      return new Token(Kind.NUMBER, text, text, startLine, start, pos);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
          || src.charAt(pos) == '$')) {
        pos++;
      }
      String text = src.substring(start, pos);
      return new Token(Kind.WORD, text, text, startLine, start, pos);
    }
    pos++;
    if (pos < src.length()) {
      String two = src.substring(start, pos + 1);
      if (two.equals("::") || two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
          || two.equals("||")) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    return new Token(Kind.PUNCT, text, text, startLine, start, pos);
  }

  private void skipSpaceAndComments() throws LexException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && src.startsWith("--", pos) || c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && src.startsWith("/*", pos)) {
        int startLine = line;
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new LexException(startLine, "a /* comment is never closed");
        }
        countLines(pos, end + 2);
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private Token string(int start, int startLine) throws LexException {
    StringBuilder v = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length()) {
        throw new LexException(startLine, "a string that starts with ' is never closed");
      }
      char c = src.charAt(pos);
      if (c == '\'') {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
          v.append('\'');
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        v.append(src.charAt(pos + 1));
        countLines(pos, pos + 2);
        pos += 2;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      v.append(c);
      pos++;
    }
    return new Token(Kind.STRING, src.substring(start, pos), v.toString(), startLine, start, pos);
  }

  private Token quoted(int start, int startLine, char close) throws LexException {
    StringBuilder v = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length()) {
        throw new LexException(startLine, "an identifier that starts with " + src.charAt(start) + " is never closed");
      }
      char c = src.charAt(pos);
      if (c == close) {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == close) {
          v.append(close);
          pos += 2;
          continue;
        }
        pos++;
        break;
      }
      if (c == '\n') {
        line++;
      }
      v.append(c);
      pos++;
    }
    return new Token(Kind.QUOTED, src.substring(start, pos), v.toString(), startLine, start, pos);
  }

  /** The tag of a dollar quote starting at pos ({@code $$} or {@code $tag$}), or null. */
  private String dollarTag() {
    int i = pos + 1;
    while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
      i++;
    }
    return i < src.length() && src.charAt(i) == '$' ? src.substring(pos, i + 1) : null;
  }

  private Token dollarString(int start, int startLine) throws LexException {
    String tag = dollarTag();
    int end = src.indexOf(tag, pos + tag.length());
    if (end < 0) {
      throw new LexException(startLine, "a string that starts with " + tag + " is never closed");
    }
    String value = src.substring(pos + tag.length(), end);
    countLines(pos, end + tag.length());
    pos = end + tag.length();
    return new Token(Kind.STRING, src.substring(start, pos), value, startLine, start, pos);
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
  }
}
