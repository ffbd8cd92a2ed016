package io.synthgen.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.ParserKeywordsUtils;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Column;

/**
 * Renames the column references of an expression ({@code column} or {@code parent_table.column}) by their place in
 * the parsed expression, so only references change: a string literal {@code 'orders'}, a function name or a
 * column {@code orders_x} stay as written, and so does every character around the references. A new name that
 * the grammar would read as something else (a keyword such as {@code case}, a literal such as {@code null} or
 * {@code true}, or a name that is not a plain identifier) is written back-quoted, {@code `null` + 1}, and the
 * rewritten expression is parsed again to make sure it reads the same references; a name that cannot be written so
 * (it holds a back-quote) is refused.
 */
public final class ColumnRenames {

  /** A column reference: its table qualifier (null when bare) and its column name, unquoted. */
  public record Ref(String table, String column) {
  }

  /**
   * Words the expression grammar reserves, upper case: the parser's reserved keywords and the literals
   * {@code TRUE}, {@code FALSE}, {@code NULL}. A reference spelt as one of them is written back-quoted.
   */
  public static final Set<String> KEYWORDS;

  static {
    Set<String> k = new TreeSet<>();
    for (Object[] row : ParserKeywordsUtils.ALL_RESERVED_KEYWORDS) {
      k.add(String.valueOf(row[0]).toUpperCase(Locale.ROOT));
    }
    k.addAll(List.of("TRUE", "FALSE", "NULL", "DIV", "DATE", "TIMESTAMP", "INTERVAL", "CAST"));
    KEYWORDS = java.util.Collections.unmodifiableSet(k);
  }

  private ColumnRenames() {
  }

  /**
   * The expression with every reference that {@code rename} maps to another reference written anew (null or the
   * same reference: left as written). Throws when the expression does not parse; such an expression is the plan's
   * problem, reported by its validation.
   */
  public static String rename(String sql, UnaryOperator<Ref> rename) throws ExprException {
    List<Ref> expected = new ArrayList<>();
    String plain = rewrite(sql, rename, false, expected);
    if (plain.equals(sql) || expected.stream().noneMatch(ColumnRenames::readsOtherwise)
        || expected.equals(refs(plain))) {
      return plain; // plain identifiers read as themselves: no second parse needed
    }
    // a name the grammar reads otherwise in this place: write every renamed reference back-quoted
    String quoted = rewrite(sql, rename, true, new ArrayList<>());
    if (expected.equals(refs(quoted))) {
      return quoted;
    }
    throw new ExprException(List.of("the new name would make '" + sql + "' read as '" + quoted + "', which means "
        + "something else; pick another name"));
  }

  private static boolean readsOtherwise(Ref r) {
    return needsQuotes(r.column()) || r.table() != null && needsQuotes(r.table());
  }

  /** The column references of an expression, in the parser's order, unquoted. */
  public static List<Ref> refs(String sql) throws ExprException {
    List<Ref> out = new ArrayList<>();
    rewrite(sql, r -> r, false, out);
    return out;
  }

  /** Whether a name must be back-quoted to be read as a column: a keyword, a literal or not a plain identifier. */
  public static boolean needsQuotes(String name) {
    if (!PLAIN.matcher(name).matches() || KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
      return true;
    }
    Boolean known = SPECIAL_WORDS.get(name);
    if (known != null) {
      return known;
    }
    boolean special;
    try {
      // a word the grammar treats specially although the parser does not list it reserved (CASE, for one)
      special = !List.of(new Ref(null, name)).equals(refs(name + " + 1"));
    } catch (ExprException e) {
      special = true;
    }
    if (SPECIAL_WORDS.size() >= SPECIAL_WORDS_KEPT) {
      SPECIAL_WORDS.clear(); // a bound, not a policy: names are few, and asking the parser again is only slower
    }
    SPECIAL_WORDS.put(name, special);
    return special;
  }

  private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How many names {@link #needsQuotes} remembers the parser's answer for (each answer costs a parse). */
  static final int SPECIAL_WORDS_KEPT = 4096;

  private static final java.util.Map<String, Boolean> SPECIAL_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

  /** A name as an expression writes it: as is, or back-quoted ({@link #needsQuotes}). */
  public static String identifier(String name, boolean quoteAlways) throws ExprException {
    if (!quoteAlways && !needsQuotes(name)) {
      return name;
    }
    if (name.indexOf('`') >= 0) {
      throw new ExprException(List.of("the name '" + name + "' holds a back-quote, so an expression cannot name "
          + "it; pick a name without one"));
    }
    return "`" + name + "`";
  }

  private static String rewrite(String sql, UnaryOperator<Ref> rename, boolean quoteAll, List<Ref> seen)
      throws ExprException {
    List<Edit> edits = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    List<ExprException> bad = new ArrayList<>();
    ExprCompiler.parse(sql).accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Column c, S context) {
        SimpleNode n = c.getASTNode();
        if (n == null) {
          return null;
        }
        String table = c.getTable() == null || c.getTable().getName() == null ? null
            : Literals.unquote(c.getTable().getName());
        if (c.getTable() != null && c.getTable().getSchemaName() != null) {
          return null; // too many parts: refused by the compiler, not a reference to rename
        }
        Ref from = new Ref(table, Literals.unquote(c.getColumnName()));
        Ref to = rename.apply(from);
        seen.add(to == null ? from : to);
        if (to != null && !to.equals(from)) {
          // the parser's absolute offsets count from 1
          int start = n.jjtGetFirstToken().absoluteBegin - 1;
          int end = n.jjtGetLastToken().absoluteEnd - 1;
          if (start < 0 || end > sql.length() || start >= end
              || !squeeze(sql.substring(start, end)).equals(squeeze(c.toString()))) {
            lost.add(c.toString());
          } else {
            try {
              String col = identifier(to.column(), quoteAll);
              edits.add(new Edit(start, end, to.table() == null ? col : identifier(to.table(), quoteAll) + "." + col));
            } catch (ExprException e) {
              bad.add(e);
            }
          }
        }
        return null;
      }
    }, null);
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    if (!lost.isEmpty()) {
      throw new ExprException(List.of("cannot find " + String.join(", ", lost) + " in the expression's text to "
          + "rename it; rewrite the expression with the new name"));
    }
    // from the last reference back, so earlier offsets stay right
    edits.sort((a, b) -> Integer.compare(b.start, a.start));
    StringBuilder out = new StringBuilder(sql);
    for (Edit e : edits) {
      out.replace(e.start, e.end, e.text);
    }
    return out.toString();
  }

  private record Edit(int start, int end, String text) {
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }
}
