package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Defect;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.plan.DefectKind;
import java.util.List;

/** What each kind of {@link Defect} is called and which columns it alters. */
public final class Defects {

  private Defects() {
  }

  /** The JSON id ({@code defect}) of a defect. */
  public static String kind(Defect d) {
    return DefectKind.of(d).id();
  }

  /** The columns a defect alters, or null for a row defect (duplicates, out_of_order). */
  public static List<String> columns(Defect d) {
    if (d instanceof Defect.Nulls n) {
      return n.columns();
    } else if (d instanceof Defect.NearDuplicates n) {
      return n.columns();
    } else if (d instanceof Defect.CaseNoise c) {
      return c.columns();
    } else if (d instanceof Defect.Whitespace w) {
      return w.columns();
    } else if (d instanceof Defect.Jitter j) {
      return one(j.column());
    } else if (d instanceof Defect.VeryLate l) {
      return one(l.column());
    } else if (d instanceof Defect.DateFormats f) {
      return one(f.column());
    } else if (d instanceof Defect.OutOfRange r) {
      return one(r.column());
    } else if (d instanceof Defect.Orphans o) {
      return one(o.column());
    } else if (d instanceof Defect.Duplicates || d instanceof Defect.OutOfOrder) {
      return null;
    }
    throw new IllegalStateException("no columns for defect " + d);
  }

  private static List<String> one(String column) {
    return column == null ? List.of() : List.of(column);
  }

  /** True when the defect names its columns as a list ({@code columns}), false for one {@code column}. */
  static boolean hasColumnList(Defect d) {
    return d instanceof Defect.Nulls || d instanceof Defect.NearDuplicates || d instanceof Defect.CaseNoise
        || d instanceof Defect.Whitespace;
  }

  /**
   * A bound of the magnitude of a numeric column's values where its strategy states one (uniform, values,
   * constant, a distribution with min and max, a sequence over the rows the table writes in the series), else null.
   */
  static Double magnitude(Plan plan, Table t, Column c) {
    return c.gen() == null ? null : c.gen().accept(new Magnitude(plan, t));
  }

  /** The bound a strategy's parameters state, or null for a strategy whose values the plan does not bound. */
  private static final class Magnitude implements ColumnGen.Visitor<Double> {
    private final Plan plan;
    private final Table t;

    Magnitude(Plan plan, Table t) {
      this.plan = plan;
      this.t = t;
    }

    @Override
    public Double uniform(ColumnGen.Uniform u) {
      return Math.max(Math.abs(u.min()), Math.abs(u.max()));
    }

    @Override
    public Double constant(ColumnGen.Constant k) {
      return k.value() instanceof Number n ? Math.abs(n.doubleValue()) : null;
    }

    @Override
    public Double values(ColumnGen.Values vs) {
      double m = 0;
      for (Object x : vs.values()) {
        if (!(x instanceof Number n)) {
          return null;
        }
        m = Math.max(m, Math.abs(n.doubleValue()));
      }
      return m;
    }

    @Override
    public Double dist(ColumnGen.Dist d) {
      return d.shaped().min() == null || d.shaped().max() == null ? null
          : Math.max(Math.abs(d.shaped().min()), Math.abs(d.shaped().max()));
    }

    @Override
    public Double sequence(ColumnGen.Sequence s) {
      double rows = SeriesDefaults.keysOverSeries(plan, t, Math.max(0, t.rows()));
      return Math.abs((double) s.start()) + Math.abs((double) s.step()) * Math.max(0, rows - 1);
    }

    @Override
    public Double dateRange(ColumnGen.DateRange g) {
      return null;
    }

    @Override
    public Double dictionary(ColumnGen.Dictionary g) {
      return null;
    }

    @Override
    public Double pattern(ColumnGen.Pattern g) {
      return null;
    }

    @Override
    public Double uuid(ColumnGen.Uuid g) {
      return null;
    }

    @Override
    public Double bool(ColumnGen.Bool g) {
      return null;
    }

    @Override
    public Double foreignKey(ColumnGen.ForeignKey g) {
      return null;
    }

    @Override
    public Double parent(ColumnGen.Parent g) {
      return null;
    }

    @Override
    public Double childIndex(ColumnGen.ChildIndex g) {
      return null;
    }

    @Override
    public Double lookup(ColumnGen.Lookup g) {
      return null;
    }

    @Override
    public Double childAggregate(ColumnGen.ChildAggregate g) {
      return null;
    }

    @Override
    public Double expression(ColumnGen.Expression g) {
      return null;
    }
  }
}
