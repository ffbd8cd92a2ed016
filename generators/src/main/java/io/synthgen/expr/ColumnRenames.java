package io.synthgen.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Column;

/**
 * Renames the column references of an expression ({@code column} or {@code parent_table.column}) by their place in
 * the parsed expression, so only references change: a string literal {@code 'orders'}, a function name or a
 * column {@code orders_x} stay as written, and so does every character around the references.
 */
public final class ColumnRenames {

  /** A column reference: its table qualifier (null when bare) and its column name, unquoted. */
  public record Ref(String table, String column) {
  }

  private ColumnRenames() {
  }

  /**
   * The expression with every reference that {@code rename} maps to another reference written anew (null or the
   * same reference: left as written). Throws when the expression does not parse; such an expression is the plan's
   * problem, reported by its validation.
   */
  public static String rename(String sql, UnaryOperator<Ref> rename) throws ExprException {
    List<Edit> edits = new ArrayList<>();
    List<String> lost = new ArrayList<>();
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
        if (to != null && !to.equals(from)) {
          // the parser's absolute offsets count from 1
          int start = n.jjtGetFirstToken().absoluteBegin - 1;
          int end = n.jjtGetLastToken().absoluteEnd - 1;
          if (start < 0 || end > sql.length() || start >= end
              || !squeeze(sql.substring(start, end)).equals(squeeze(c.toString()))) {
            lost.add(c.toString());
          } else {
            edits.add(new Edit(start, end, to.table() == null ? to.column() : to.table() + "." + to.column()));
          }
        }
        return null;
      }
    }, null);
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
