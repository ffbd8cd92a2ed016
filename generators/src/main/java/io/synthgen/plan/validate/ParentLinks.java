package io.synthgen.plan.validate;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.Table;

/**
 * A table generated per parent lays its rows out per parent row: the rows of parent row k come together, and the
 * parent's {@code child_aggregate} columns and the child's {@code child_index} are computed from that layout. Only
 * a {@code parent} column writes that layout down. A per_parent table without one whose key to the parent is a
 * {@code foreign_key} (rows drawn at random over the parents), or whose layout a parent's aggregate relies on, would
 * give data whose aggregates (and child_index) disagree with the keys written; both are refused.
 */
final class ParentLinks {

  private ParentLinks() {
  }

  static void check(PlanValidator v, Table t, String path) {
    String parentName = t.perParent().table();
    Table parent = parentName == null ? null : v.tables.get(parentName);
    if (parent == null || parent == t) {
      return; // reported at per_parent.table
    }
    for (Column c : t.columns()) {
      if (c.gen() instanceof ColumnGen.Parent) {
        return;
      }
    }
    String pk = parent.primaryKey() == null ? "its key" : parentName + "." + parent.primaryKey();
    boolean keyed = false;
    for (int j = 0; j < t.columns().size(); j++) {
      Column c = t.columns().get(j);
      if (c.gen() instanceof ColumnGen.ForeignKey fk && fk.references() != null
          && fk.references().startsWith(parentName + ".")) {
        keyed = true;
        v.out.add(path + ".columns[" + j + "].strategy", "foreign_key", t.name() + " is generated per row of "
            + parentName + ", so its rows are laid out per " + parentName + " row and its key to " + parentName
            + " must say which row that is; a foreign_key draws it at random, so the children of a parent row (its "
            + "aggregates, child_index) would not be the rows whose " + c.name() + " names it",
            "make " + c.name() + " {\"strategy\": \"parent\", \"references\": \"" + pk + "\"}; to give some "
                + parentName + " rows more children, shape per_parent.count instead");
      }
    }
    if (keyed) {
      return;
    }
    String reliedOn = null;
    for (Column c : parent.columns()) {
      if (c.gen() instanceof ColumnGen.ChildAggregate a && t.name() != null && t.name().equals(a.table())) {
        reliedOn = parentName + "." + c.name() + " aggregates its rows";
        break;
      }
    }
    if (reliedOn != null) {
      v.out.add(path + ".per_parent", parentName, t.name() + " is generated per row of " + parentName + " and "
          + reliedOn + ", but no column of " + t.name() + " says which " + parentName + " row a row belongs to",
          "add a column {\"name\": \"" + (parent.primaryKey() == null ? "parent_id" : parent.primaryKey())
              + "\", \"strategy\": \"parent\", \"references\": \"" + pk + "\"} to " + t.name());
    }
  }
}
