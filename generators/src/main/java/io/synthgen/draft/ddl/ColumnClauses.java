package io.synthgen.draft.ddl;

import io.synthgen.draft.ddl.SqlLexer.Kind;
import io.synthgen.draft.ddl.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One column definition of a CREATE TABLE, read token by token: the type, and the clauses JSqlParser does not take
 * in every dialect (COMMENT, DEFAULT, GENERATED ... AS IDENTITY, IDENTITY/AUTOINCREMENT with START and INCREMENT,
 * GENERATED ALWAYS AS (expr), COLLATE, CHARACTER SET, ON UPDATE, constraint states such as NOT ENFORCED) are
 * captured and left out; the constraints (NOT NULL, PRIMARY KEY, UNIQUE, REFERENCES, CHECK) are read and also kept
 * in {@link #forward} for JSqlParser to parse (CHECK conditions are parsed on their own, by {@link Checks}).
 */
final class ColumnClauses {

  /** Words that end a column's type and start a clause. */
  private static final Set<String> CLAUSES = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES",
      "CHECK", "CONSTRAINT", "COMMENT", "GENERATED", "IDENTITY", "AUTOINCREMENT", "AUTO_INCREMENT", "COLLATE",
      "CHARSET", "ON", "AS", "MASKING", "ENCODE", "VISIBLE", "INVISIBLE", "STORED", "VIRTUAL", "ENABLE", "DISABLE",
      "RELY", "NORELY", "ENFORCED", "DEFERRABLE", "INITIALLY", "VALIDATE", "NOVALIDATE", "KEY", "TAG");

  final Token name;
  final List<Token> type = new ArrayList<>();
  final List<Token> forward = new ArrayList<>();
  String comment;
  String defaultSql;
  boolean identity;
  Long identityStart;
  String generated;
  boolean notNull;
  boolean primaryKey;
  boolean unique;
  String refTable;
  String refColumn;
  int refLine;
  final List<String> checks = new ArrayList<>();
  final List<Integer> checkLines = new ArrayList<>();

  private final String src;
  private final List<Token> ts;
  private final DdlIssues issues;
  private int i;

  private ColumnClauses(String src, List<Token> ts, DdlIssues issues) {
    this.src = src;
    this.ts = ts;
    this.issues = issues;
    this.name = ts.get(0);
  }

  /** Reads a column definition ({@code ts[0]} is its name); problems go to {@code issues}. */
  static ColumnClauses read(String src, List<Token> ts, DdlIssues issues) {
    ColumnClauses c = new ColumnClauses(src, ts, issues);
    c.readType();
    c.readClauses();
    return c;
  }

  private boolean word(int at, String w) {
    return at < ts.size() && ts.get(at).is(w);
  }

  private boolean clauseStart(int at) {
    Token t = ts.get(at);
    if (t.kind() != Kind.WORD) {
      return false;
    }
    String w = t.text().toUpperCase(Locale.ROOT);
    if (w.equals("CHARACTER")) {
      return word(at + 1, "SET");
    }
    if (w.equals("WITH")) {
      return !word(at + 1, "TIME") && !word(at + 1, "LOCAL");
    }
    return CLAUSES.contains(w);
  }

  private void readType() {
    i = 1;
    if (i >= ts.size() || ts.get(i).kind() != Kind.WORD || clauseStart(i)) {
      issues.add(name.line(), Tokens.declared(name), "column " + Tokens.declared(name) + " has no type",
          "give its type: " + Tokens.declared(name) + " VARCHAR(100)");
      return;
    }
    int angle = 0;
    while (i < ts.size()) {
      Token t = ts.get(i);
      if (t.isPunct("(")) {
        int end = Tokens.close(ts, i);
        end = end < 0 ? ts.size() - 1 : end;
        type.addAll(ts.subList(i, end + 1));
        i = end + 1;
        continue;
      }
      if (t.isPunct("<")) {
        angle++;
      } else if (t.isPunct(">")) {
        angle--;
      } else if (angle == 0 && !t.isPunct("[") && !t.isPunct("]") && !(t.kind() == Kind.NUMBER && i > 0
          && ts.get(i - 1).isPunct("[")) && (t.kind() != Kind.WORD || clauseStart(i))) {
        break;
      }
      type.add(t);
      i++;
    }
  }

  private void readClauses() {
    while (i < ts.size()) {
      Token t = ts.get(i);
      int line = t.line();
      if (t.is("COMMENT")) {
        i++;
        if (i < ts.size() && ts.get(i).isPunct("=")) {
          i++;
        }
        if (i < ts.size() && ts.get(i).kind() == Kind.STRING) {
          comment = ts.get(i).value();
          i++;
        } else {
          issues.add(line, "COMMENT", "COMMENT must be followed by a string", "write COMMENT 'what the column holds'");
        }
      } else if (t.is("DEFAULT")) {
        int start = ++i;
        i = skipExpression(i);
        defaultSql = Tokens.text(src, ts, start, i);
      } else if (t.is("GENERATED")) {
        readGenerated(line);
      } else if (t.is("AS") && i + 1 < ts.size() && ts.get(i + 1).isPunct("(")) {
        int end = closeOr(i + 1);
        generated = Tokens.text(src, ts, i + 2, end);
        i = end + 1;
        skipWords("STORED", "VIRTUAL", "PERSISTENT");
      } else if (t.is("AUTO_INCREMENT") || t.is("AUTOINCREMENT") || t.is("IDENTITY")) {
        identity = true;
        i++;
        readIdentityOptions();
      } else if (t.is("COLLATE") || t.is("CHARSET") || t.is("ENCODE")) {
        i += 2;
      } else if (t.is("CHARACTER") && word(i + 1, "SET")) {
        i += 3;
      } else if (t.is("ON") && word(i + 1, "UPDATE")) {
        i = skipExpression(i + 2);
      } else if (t.is("WITH") && (word(i + 1, "MASKING") || word(i + 1, "TAG"))) {
        i++;
      } else if (t.is("MASKING") && word(i + 1, "POLICY")) {
        i += 3;
        if (word(i, "USING") && i + 1 < ts.size() && ts.get(i + 1).isPunct("(")) {
          i = closeOr(i + 1) + 1;
        }
      } else if (t.is("TAG") && i + 1 < ts.size() && ts.get(i + 1).isPunct("(")) {
        i = closeOr(i + 1) + 1;
      } else if (t.is("NOT") && (word(i + 1, "ENFORCED") || word(i + 1, "DEFERRABLE"))) {
        i += 2;
      } else if (t.is("VISIBLE") || t.is("INVISIBLE") || t.is("STORED") || t.is("VIRTUAL") || t.is("ENABLE")
          || t.is("DISABLE") || t.is("RELY") || t.is("NORELY") || t.is("ENFORCED") || t.is("DEFERRABLE")
          || t.is("VALIDATE") || t.is("NOVALIDATE")) {
        i++;
      } else if (t.is("INITIALLY")) {
        i += 2;
      } else if (t.is("NOT") && word(i + 1, "NULL")) {
        notNull = true;
        forward(i, i + 2);
      } else if (t.is("NULL")) {
        forward(i, i + 1);
      } else if (t.is("PRIMARY") && word(i + 1, "KEY")) {
        primaryKey = true;
        forward(i, i + 2);
        skipWords("ASC", "DESC");
      } else if (t.is("UNIQUE")) {
        unique = true;
        forward(i, word(i + 1, "KEY") ? i + 2 : i + 1);
      } else if (t.is("KEY")) {
        // MySQL: KEY in a column definition means PRIMARY KEY
        primaryKey = true;
        i++;
      } else if (t.is("CONSTRAINT") && i + 1 < ts.size() && ts.get(i + 1).isName()) {
        forward(i, i + 2);
      } else if (t.is("REFERENCES")) {
        readReferences(line);
      } else if (t.is("CHECK") && i + 1 < ts.size() && ts.get(i + 1).isPunct("(")) {
        int end = closeOr(i + 1);
        checks.add(Tokens.text(src, ts, i + 1, end + 1));
        checkLines.add(line);
        i = end + 1; // parsed on its own by Checks, so a problem in it is reported once, as the CHECK's
        int n = forward.size();
        if (n >= 2 && forward.get(n - 2).is("CONSTRAINT")) {
          forward.subList(n - 2, n).clear(); // the name of CONSTRAINT name CHECK (...)
        }
      } else {
        issues.add(line, t.text(), "unexpected '" + t.text() + "' in the definition of column "
            + Tokens.declared(name), "remove it, or write the column as: name TYPE [NOT NULL] [DEFAULT value] "
            + "[PRIMARY KEY] [REFERENCES table(column)] [CHECK (...)] [COMMENT '...']");
        i = ts.size();
      }
    }
  }

  private void readGenerated(int line) {
    i++;
    if (word(i, "ALWAYS")) {
      i++;
    } else if (word(i, "BY") && word(i + 1, "DEFAULT")) {
      i += 2;
      if (word(i, "ON") && word(i + 1, "NULL")) {
        i += 2;
      }
    }
    if (!word(i, "AS")) {
      issues.add(line, "GENERATED", "GENERATED must be followed by AS IDENTITY or AS (expression)",
          "write GENERATED ALWAYS AS IDENTITY");
      i = ts.size();
      return;
    }
    i++;
    if (word(i, "IDENTITY")) {
      identity = true;
      i++;
      if (i < ts.size() && ts.get(i).isPunct("(")) {
        int end = closeOr(i);
        for (int j = i + 1; j < end; j++) {
          if (ts.get(j).is("START") || ts.get(j).is("WITH") && j > 0 && ts.get(j - 1).is("START")) {
            Long v = number(j + 1);
            if (v != null) {
              identityStart = v;
            }
          }
        }
        i = end + 1;
      }
    } else if (i < ts.size() && ts.get(i).isPunct("(")) {
      int end = closeOr(i);
      generated = Tokens.text(src, ts, i + 1, end);
      i = end + 1;
      skipWords("STORED", "VIRTUAL");
    } else {
      issues.add(line, "GENERATED", "GENERATED ... AS must be followed by IDENTITY or (expression)",
          "write GENERATED ALWAYS AS IDENTITY");
      i = ts.size();
    }
  }

  private void readIdentityOptions() {
    if (i < ts.size() && ts.get(i).isPunct("(")) {
      int end = closeOr(i);
      Long v = number(i + 1);
      if (v != null) {
        identityStart = v;
      }
      i = end + 1;
    }
    while (i < ts.size()) {
      if (word(i, "START") || word(i, "INCREMENT")) {
        boolean start = word(i, "START");
        i++;
        if (word(i, "WITH") || word(i, "BY")) {
          i++;
        }
        Long v = number(i);
        if (start && v != null) {
          identityStart = v;
        }
        i++;
      } else if (word(i, "ORDER") || word(i, "NOORDER")) {
        i++;
      } else {
        return;
      }
    }
  }

  private void readReferences(int line) {
    int start = i;
    i++;
    if (i >= ts.size() || !ts.get(i).isName()) {
      issues.add(line, "REFERENCES", "REFERENCES must name a table", "write REFERENCES customers(customer_id)");
      i = ts.size();
      return;
    }
    StringBuilder table = new StringBuilder(ts.get(i).text());
    Token last = ts.get(i);
    i++;
    while (i + 1 < ts.size() && ts.get(i).isPunct(".") && ts.get(i + 1).isName()) {
      table.append('.').append(ts.get(i + 1).text());
      last = ts.get(i + 1);
      i += 2;
    }
    int afterName = i;
    refTable = Tokens.lastPart(table.toString());
    refLine = line;
    if (i < ts.size() && ts.get(i).isPunct("(")) {
      int end = closeOr(i);
      List<List<Token>> cols = Tokens.split(ts, i + 1, end);
      if (cols.size() != 1 || cols.get(0).size() != 1) {
        issues.add(line, Tokens.text(src, ts, i, end + 1), "an inline REFERENCES names one column",
            "reference a single key column, e.g. REFERENCES customers(customer_id)");
      } else {
        refColumn = Tokens.declared(cols.get(0).get(0));
      }
      i = end + 1;
    }
    while (word(i, "ON") || word(i, "MATCH")) {
      if (word(i, "MATCH")) {
        i += 2;
      } else {
        i += 2; // ON DELETE | ON UPDATE
        if (word(i, "NO") || word(i, "SET")) {
          i += 2;
        } else {
          i++;
        }
      }
    }
    // JSqlParser takes a qualified name in REFERENCES in some dialects only: it gets the table's own name
    forward.add(ts.get(start));
    forward.add(last);
    forward.addAll(ts.subList(afterName, i));
  }

  private void forward(int from, int to) {
    int end = Math.min(to, ts.size());
    forward.addAll(ts.subList(from, end));
    i = end;
  }

  /** After an expression starting at {@code at}: its first token always, then anything up to the next clause. */
  private int skipExpression(int at) {
    int j = at;
    boolean first = true;
    while (j < ts.size() && (first || !clauseStart(j) || ts.get(j).is("NULL") && ts.get(j - 1).is("DEFAULT"))) {
      first = false;
      if (ts.get(j).isPunct("(")) {
        j = closeOr(j) + 1;
      } else {
        j++;
      }
    }
    return j;
  }

  private void skipWords(String... words) {
    while (i < ts.size()) {
      boolean any = false;
      for (String w : words) {
        any |= ts.get(i).is(w);
      }
      if (!any) {
        return;
      }
      i++;
    }
  }

  private int closeOr(int open) {
    int end = Tokens.close(ts, open);
    return end < 0 ? ts.size() - 1 : end;
  }

  private Long number(int at) {
    if (at >= ts.size()) {
      return null;
    }
    String s = ts.get(at).text();
    boolean neg = false;
    if (ts.get(at).isPunct("-") && at + 1 < ts.size()) {
      neg = true;
      s = ts.get(at + 1).text();
    }
    try {
      long v = Long.parseLong(s);
      return neg ? -v : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
