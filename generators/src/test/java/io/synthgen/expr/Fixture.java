package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-written scope and batch for expression tests: declare columns with values, compile, evaluate. */
final class Fixture implements ExprScope {

  private final Map<String, DataType> types = new LinkedHashMap<>();
  private final Map<String, Vec> vectors = new LinkedHashMap<>();
  private final Map<String, StrDict> dictionaries = new LinkedHashMap<>();
  private final List<String> parents = new ArrayList<>();
  private Stream stream = Stream.root(42).child("orders").child("expr_col");
  private int size = -1;
  private long batch;
  private long batches = 1;

  Fixture longs(String name, DataType type, Long... values) {
    LongVec v = new LongVec(type, values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.values[i] = values[i];
      }
    }
    return put(name, type, v);
  }

  Fixture doubles(String name, Double... values) {
    DoubleVec v = new DoubleVec(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.values[i] = values[i];
      }
    }
    return put(name, DataType.DOUBLE, v);
  }

  Fixture bools(String name, Boolean... values) {
    BoolVec v = new BoolVec(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.values[i] = values[i];
      }
    }
    return put(name, DataType.BOOLEAN, v);
  }

  /** Plain-layout strings. */
  Fixture strings(String name, String... values) {
    StrVec v = StrVec.plain(values.clone(), values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      }
    }
    return put(name, DataType.STRING, v);
  }

  /** Dictionary-layout strings over {@code dict}; a negative code is NULL. */
  Fixture coded(String name, StrDict dict, int... codes) {
    StrVec v = StrVec.dictionary(dict, codes.clone(), codes.length);
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0) {
        v.codes[i] = 0;
        v.setNull(i);
      }
    }
    return put(name, DataType.STRING, v);
  }

  Fixture column(String name, DataType type, Vec v) {
    return put(name, type, v);
  }

  Fixture parent(String table, String column, DataType type, Vec v) {
    if (!parents.contains(table)) {
      parents.add(table);
    }
    return put(table + "." + column, type, v);
  }

  Fixture dictionary(String name, String... values) {
    dictionaries.put(name, new StrDict(List.of(values)));
    return this;
  }

  Fixture stream(Stream s) {
    this.stream = s;
    return this;
  }

  /** The batch the input's rows belong to, of a series checked for {@code batches}. */
  Fixture batch(long b, long batches) {
    this.batch = b;
    this.batches = batches;
    return this;
  }

  Fixture rows(int n) {
    this.size = n;
    return this;
  }

  private Fixture put(String name, DataType type, Vec v) {
    types.put(name, type);
    vectors.put(name, v);
    size = v.size();
    return this;
  }

  CompiledExpr compile(String sql, DataType target) {
    try {
      return ExprCompiler.compile(sql, target, this);
    } catch (ExprException e) {
      throw new AssertionError("did not compile: " + e.problems(), e);
    }
  }

  Vec eval(String sql, DataType target) {
    return compile(sql, target).evaluate(input());
  }

  /** The values of an expression as Java objects (see {@link Vec#get}). */
  List<Object> values(String sql, DataType target) {
    Vec v = eval(sql, target);
    List<Object> r = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      r.add(v.get(i));
    }
    return r;
  }

  /** The single value of an expression over a one-row batch with no columns. */
  Object value(String sql, DataType target) {
    if (size < 0) {
      size = 1;
    }
    return values(sql, target).get(0);
  }

  List<String> problems(String sql, DataType target) {
    try {
      ExprCompiler.compile(sql, target, this);
    } catch (ExprException e) {
      return e.problems();
    }
    throw new AssertionError("compiled but should not have: " + sql);
  }

  ExprInput input() {
    int n = size < 0 ? 1 : size;
    long[] rows = new long[n];
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
      hashes[i] = Stream.rowHash(i);
    }
    return new ExprInput() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public long[] rows() {
        return rows;
      }

      @Override
      public long[] rowHashes() {
        return hashes;
      }

      @Override
      public Vec column(String name) {
        return vectors.get(name);
      }

      @Override
      public long batch() {
        return batch;
      }
    };
  }

  @Override
  public DataType columnType(String name) {
    return name.contains(".") ? null : types.get(name);
  }

  @Override
  public List<String> columnNames() {
    return types.keySet().stream().filter(n -> !n.contains(".")).toList();
  }

  @Override
  public DataType parentColumnType(String table, String column) {
    return types.get(table + "." + column);
  }

  @Override
  public List<String> parentTables() {
    return parents;
  }

  @Override
  public List<String> parentColumnNames(String table) {
    return types.keySet().stream().filter(n -> n.startsWith(table + ".")).map(n -> n.substring(table.length() + 1))
        .toList();
  }

  @Override
  public Stream stream() {
    return stream;
  }

  @Override
  public LocalDate referenceDate() {
    return LocalDate.of(2024, 6, 15);
  }

  @Override
  public long batches() {
    return batches;
  }

  @Override
  public StrDict dictionary(String name) {
    return dictionaries.get(name);
  }

  @Override
  public List<String> dictionaryNames() {
    return List.copyOf(dictionaries.keySet());
  }
}
