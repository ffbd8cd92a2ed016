package io.synthgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.engine.TableEvaluator;
import io.synthgen.expr.ColumnRenames;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Plan;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.Resolver;
import io.synthgen.vec.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A column or table renamed to a word of the expression grammar: the expressions reading it still read it. */
class KeywordRenamesTest {

  static final String PLAN = """
      {"name": "kw", "tables": [{"name": "t", "rows": 1000, "columns": ["id",
        {"name": "a", "type": "int", "min": 1, "max": 9}, {"name": "b", "type": "int", "expr": "a + 1"},
        {"name": "flag", "type": "boolean", "probability": 0.3},
        {"name": "inv", "type": "boolean", "expr": "NOT flag"}]}]}
      """;

  static String expr(Plan p, String column) {
    return ((ColumnGen.Expression) p.table("t").orElseThrow().column(column).orElseThrow().gen()).expr();
  }

  @Test
  void renamedToNullAndTrueTheDataStaysTheSame() throws Exception {
    Plan p = SharesFollowChangesTest.revise(DrafterTest.draft(PLAN), "[{\"op\": \"rename_column\", \"table\": "
        + "\"t\", \"column\": \"a\", \"to\": \"null\"}, {\"op\": \"rename_column\", \"table\": \"t\", "
        + "\"column\": \"flag\", \"to\": \"true\"}]");
    assertEquals("`null` + 1", expr(p, "b"));
    assertEquals("NOT `true`", expr(p, "inv"));
    ResolvedPlan r = Resolver.resolve(p);
    TableEvaluator e = TableEvaluator.range(r, r.table("t"), 0, 1000);
    Vec a = e.column("null");
    Vec b = e.column("b");
    Vec flag = e.column("true");
    Vec inv = e.column("inv");
    int trues = 0;
    for (int i = 0; i < 1000; i++) {
      assertEquals(((Number) a.get(i)).longValue() + 1, ((Number) b.get(i)).longValue(), "row " + i);
      assertEquals(!(Boolean) flag.get(i), inv.get(i), "row " + i);
      trues += (Boolean) inv.get(i) ? 1 : 0;
    }
    assertEquals(700, trues, 60, "NOT flag is true on about 70 % of the rows");
  }

  @Test
  void everyKeywordOfTheGrammarIsAUsableNewName() throws Exception {
    Plan base = DrafterTest.draft(PLAN);
    List<String> wrong = new ArrayList<>();
    for (String kw : ColumnRenames.KEYWORDS) {
      String name = kw.toLowerCase(Locale.ROOT);
      if (!name.matches("[a-z_][a-z0-9_]*") || name.equals("b") || name.equals("id") || name.equals("inv")) {
        continue;
      }
      try {
        Plan p = SharesFollowChangesTest.revise(base, "[{\"op\": \"rename_column\", \"table\": \"t\", \"column\": "
            + "\"a\", \"to\": \"" + name + "\"}]");
        ResolvedPlan r = Resolver.resolve(p);
        TableEvaluator e = TableEvaluator.range(r, r.table("t"), 0, 20);
        for (int i = 0; i < 20; i++) {
          if (e.column("b").isNull(i) || ((Number) e.column(name).get(i)).longValue() + 1
              != ((Number) e.column("b").get(i)).longValue()) {
            wrong.add(name + ": " + expr(p, "b") + " is not " + name + " + 1 on row " + i);
            break;
          }
        }
      } catch (Exception e) {
        wrong.add(name + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), wrong);
  }
}
