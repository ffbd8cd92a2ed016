package io.synthgen.server.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.FunctionSignature;
import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Table;
import io.synthgen.plan.TimeProfile;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plans of the equality test hold what they claim, read from the registries rather than from a list kept by
 * hand: the hand-written plan uses every strategy, every distribution (as a column and as a child count), every
 * time-profile field, every foreign-key distribution, every child aggregate function, every type, and calls every
 * function of the expression language, so a new one fails here until the plan (and with it the Spark comparison)
 * uses it. The other plans resolve, and their offsets are where the comparison needs them.
 */
class SqlEqualityPlanTest {

  static final ResolvedPlan PLAN = SqlEqualityPlans.everyStrategy();

  static List<Column> columns() {
    return PLAN.plan().tables().stream().flatMap(t -> t.columns().stream()).toList();
  }

  @Test
  void theHandWrittenPlanUsesEveryStrategyAndType() {
    Set<String> used = new TreeSet<>();
    Set<DataType.Kind> types = new TreeSet<>();
    for (Column c : columns()) {
      used.add(c.gen().strategy());
      types.add(c.type().kind());
    }
    assertEquals(new TreeSet<>(ColumnGen.STRATEGIES), used);
    assertEquals(Set.of(ColumnGen.class.getPermittedSubclasses()).size(), ColumnGen.STRATEGIES.size(),
        "every strategy record is named in ColumnGen.STRATEGIES");
    assertEquals(Set.of(DataType.Kind.values()), types);
  }

  @Test
  void theHandWrittenPlanUsesEveryDistributionAsAColumnAndSomeAsChildCounts() {
    Set<String> columns = new TreeSet<>();
    for (Column c : columns()) {
      if (c.gen() instanceof ColumnGen.Dist d) {
        columns.add(d.shaped().distribution().getClass().getSimpleName());
      }
    }
    assertEquals(names(Distribution.class.getPermittedSubclasses()), columns);
    Set<String> counts = new TreeSet<>();
    for (Table t : PLAN.plan().tables()) {
      if (t.perParent() != null) {
        counts.add(t.perParent().count().distribution().getClass().getSimpleName());
      }
    }
    assertTrue(counts.size() >= 3, "per_parent counts drawn from " + counts);
  }

  @Test
  void theHandWrittenPlanUsesEveryTimeProfileFieldAndForeignKeyDistribution() {
    Set<String> fields = new TreeSet<>();
    Set<String> fks = new TreeSet<>();
    for (Column c : columns()) {
      if (c.gen() instanceof ColumnGen.DateRange d && d.profile() != null) {
        for (RecordComponent rc : TimeProfile.class.getRecordComponents()) {
          Object v = value(rc, d.profile());
          if (v != null && !(v instanceof Collection<?> list && list.isEmpty())) {
            fields.add(rc.getName());
          }
        }
      }
      if (c.gen() instanceof ColumnGen.ForeignKey fk) {
        fks.add(fk.distribution().type());
      }
    }
    Set<String> all = new TreeSet<>();
    for (RecordComponent rc : TimeProfile.class.getRecordComponents()) {
      all.add(rc.getName());
    }
    assertEquals(all, fields);
    Set<String> allFks = new TreeSet<>();
    for (Class<?> k : FkDistribution.class.getPermittedSubclasses()) {
      allFks.add(k.getSimpleName().toLowerCase(Locale.ROOT));
    }
    assertEquals(allFks, fks);
  }

  @Test
  void theHandWrittenPlanAggregatesChildrenWithEveryFunctionAndHasNullsHelpersAndLookupsThroughParents() {
    Set<String> functions = new TreeSet<>();
    boolean lookupThroughParent = false;
    for (Table t : PLAN.plan().tables()) {
      for (Column c : t.columns()) {
        if (c.gen() instanceof ColumnGen.ChildAggregate a) {
          functions.add(a.function());
        }
        if (c.gen() instanceof ColumnGen.Lookup l && t.perParent() != null) {
          lookupThroughParent |= t.column(l.via()).orElseThrow().gen() instanceof ColumnGen.Parent;
        }
      }
    }
    assertEquals(new TreeSet<>(ColumnGen.ChildAggregate.FUNCTIONS), functions);
    assertTrue(lookupThroughParent, "a per_parent table looks up its parent's column through its parent key");
    assertTrue(columns().stream().filter(c -> c.nullRate() > 0).count() >= 5, "null rates");
    assertTrue(columns().stream().filter(Column::omit).count() >= 3, "hidden helper columns");
    long nested = PLAN.tables().stream().filter(t -> t.layout() != null
        && PLAN.table(t.layout().parentTable()).layout() != null).count();
    assertTrue(nested >= 1, "a table per parent of a table per parent");
  }

  @Test
  void theHandWrittenPlanCallsEveryFunctionOfTheExpressionLanguage() {
    List<String> exprs = new ArrayList<>();
    for (Column c : columns()) {
      if (c.gen() instanceof ColumnGen.Expression e) {
        exprs.add(e.expr());
      }
    }
    String all = String.join("\n", exprs);
    List<String> missing = new ArrayList<>();
    for (FunctionSignature f : ExprCompiler.functions()) {
      Pattern call = Pattern.compile("(?i)(?<![A-Za-z0-9_.])" + Pattern.quote(f.name()) + "\\s*\\(");
      if (!call.matcher(all).find()) {
        missing.add(f.name());
      }
    }
    assertTrue(missing.isEmpty(), "compile/every-strategy.json calls no " + missing + ": add an expression column "
        + "that calls each (with inputs that reach its edge cases) so Spark's result is compared");
    assertTrue(ExprCompiler.functions().size() > 80, "functions: " + ExprCompiler.functions().size());
  }

  @Test
  void theOtherPlansResolveWithTheirOffsetsWhereTheComparisonNeedsThem() {
    ResolvedPlan offsets = SqlEqualityPlans.offsets();
    ResolvedTable accounts = offsets.table("accounts");
    assertTrue(accounts.rows() > (1L << 31) + 1_000);
    assertEquals(SqlEqualityPlans.HUGE_ROWS, accounts.rows());
    ResolvedPlan far = SqlEqualityPlans.farBatches();
    ResolvedTable sales = far.table("sales");
    long first = sales.firstRow(SqlEqualityPlans.FAR_BATCH);
    assertTrue(first <= 1L << 40 && 1L << 40 < first + sales.rows(), "batch " + SqlEqualityPlans.FAR_BATCH
        + " holds row 2^40: rows from " + first);
    assertEquals(5, SqlEqualityPlans.series(2_000, 5, true).series().batches());
    assertTrue(SqlEqualityPlans.vocabulary().tables().stream().mapToInt(t -> t.columns().size()).sum() > 150);
  }

  private static Set<String> names(Class<?>[] classes) {
    Set<String> out = new TreeSet<>();
    for (Class<?> k : classes) {
      out.add(k.getSimpleName());
    }
    return out;
  }

  private static Object value(RecordComponent rc, Object record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
