package io.synthgen.resolve;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.expr.ExprScope;
import io.synthgen.plan.Column;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What an expression column sees: its table's columns and, through its foreign keys, its parents' columns. */
final class TableScope implements ExprScope {

  private final Plan plan;
  private final Table table;
  private final Map<String, String> vias;
  private final Stream stream;
  private final Dictionaries dictionaries;

  TableScope(Plan plan, Table table, Map<String, String> vias, Stream stream, Dictionaries dictionaries) {
    this.plan = plan;
    this.table = table;
    this.vias = vias;
    this.stream = stream;
    this.dictionaries = dictionaries;
  }

  @Override
  public DataType columnType(String name) {
    return table.column(name).map(Column::type).orElse(null);
  }

  @Override
  public List<String> columnNames() {
    return table.columns().stream().map(Column::name).toList();
  }

  @Override
  public DataType parentColumnType(String parentTable, String column) {
    if (!vias.containsKey(parentTable)) {
      return null;
    }
    return plan.table(parentTable).flatMap(t -> t.column(column)).map(Column::type).orElse(null);
  }

  @Override
  public List<String> parentTables() {
    return List.copyOf(vias.keySet());
  }

  @Override
  public List<String> parentColumnNames(String parentTable) {
    return plan.table(parentTable).map(t -> t.columns().stream().map(Column::name).toList()).orElse(List.of());
  }

  @Override
  public String foreignKeyTo(String parentTable) {
    return vias.get(parentTable);
  }

  @Override
  public Stream stream() {
    return stream;
  }

  @Override
  public LocalDate referenceDate() {
    return plan.referenceDate();
  }

  @Override
  public long batches() {
    return plan.series() == null ? 1 : plan.series().batches();
  }

  @Override
  public StrDict dictionary(String name) {
    Dictionary d = dictionaries.get(name);
    return d == null ? null : d.values(stream.child("dict:" + name));
  }

  @Override
  public List<String> dictionaryNames() {
    return dictionaries.all().stream().filter(d -> d.kind() != Dictionary.Kind.COMPOSITE).map(Dictionary::name)
        .toList();
  }
}
