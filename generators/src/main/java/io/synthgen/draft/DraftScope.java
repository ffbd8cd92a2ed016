package io.synthgen.draft;

import io.synthgen.dictionary.Dictionaries;
import io.synthgen.dictionary.Dictionary;
import io.synthgen.expr.ExprScope;
import io.synthgen.vec.StrDict;
import io.synthgen.random.Stream;
import java.time.LocalDate;
import java.util.List;

/**
 * What an expression of a drafted table sees besides its columns, the same whether the plan is a record
 * ({@link ExpressionChecks}) or still a tree ({@link ExpressionTypes}): the reference date, the dictionaries, and the
 * table's random stream, which the subclass names from the plan's seed and the table's name.
 */
abstract class DraftScope implements ExprScope {

  private final LocalDate today;
  private final Dictionaries dictionaries;

  DraftScope(LocalDate today, Dictionaries dictionaries) {
    this.today = today;
    this.dictionaries = dictionaries;
  }

  @Override
  public LocalDate referenceDate() {
    return today;
  }

  @Override
  public StrDict dictionary(String name) {
    Dictionary d = dictionaries.get(name);
    return d == null ? null : d.values(stream().child("dict:" + name));
  }

  @Override
  public List<String> dictionaryNames() {
    return dictionaries.all().stream().filter(d -> d.kind() != Dictionary.Kind.COMPOSITE).map(Dictionary::name)
        .toList();
  }

  @Override
  public abstract Stream stream();
}
