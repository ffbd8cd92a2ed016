package io.synthgen.dictionary;

import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Utf8Builder;

/**
 * A named source of realistic strings. A list dictionary is a fixed {@link StrDict} picked uniformly (dictionary
 * layout, ideal for Parquet dictionary pages); a pooled dictionary is a seeded pool of composed values picked
 * uniformly; a composite builds a fresh value per row (plain layout, e.g. street addresses).
 */
public final class Dictionary {

  /** How values are produced. */
  public enum Kind { LIST, POOLED, COMPOSITE }

  private final String name;
  private final String description;
  private final Kind kind;
  private final StrDict list;
  private final Composer composer;
  private final int poolSize;

  Dictionary(String name, String description, StrDict list) {
    this(name, description, Kind.LIST, list, null, 0);
  }

  Dictionary(String name, String description, Composer composer, int poolSize) {
    this(name, description, poolSize > 0 ? Kind.POOLED : Kind.COMPOSITE, null, composer, poolSize);
  }

  private Dictionary(String name, String description, Kind kind, StrDict list, Composer composer, int poolSize) {
    this.name = name;
    this.description = description;
    this.kind = kind;
    this.list = list;
    this.composer = composer;
    this.poolSize = poolSize;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The values a column draws from uniformly: the list itself, or for a pooled dictionary a pool composed from
   * {@code stream} (so the pool is part of the plan's determinism). Null for composites.
   */
  public StrDict values(Stream stream) {
    if (kind == Kind.LIST) {
      return list;
    }
    if (kind == Kind.COMPOSITE) {
      return null;
    }
    Stream[] parts = parts(stream.child("pool"));
    java.util.LinkedHashSet<String> pool = new java.util.LinkedHashSet<>();
    StringBuilder b = new StringBuilder(64);
    for (long i = 0; pool.size() < poolSize && i < poolSize * 20L; i++) {
      b.setLength(0);
      composer.compose(parts, Stream.rowHash(i), b);
      pool.add(b.toString());
    }
    return new StrDict(java.util.List.copyOf(pool));
  }

  /** The number of distinct values (pool or list size), or -1 for composites. */
  public long cardinality() {
    return kind == Kind.LIST ? list.size() : kind == Kind.POOLED ? poolSize : -1;
  }

  /** Fills {@code n} composed values for rows with the given hashes (composites only). */
  public StrVec compose(Stream stream, long[] rowHashes, int n) {
    Stream[] parts = parts(stream);
    Utf8Builder out = new Utf8Builder(n, 24);
    StringBuilder scratch = new StringBuilder(64);
    for (int i = 0; i < n; i++) {
      composer.composeUtf8(parts, rowHashes[i], out, scratch);
      out.endRow();
    }
    return out.build();
  }

  /**
   * The value of a composite dictionary at the scope's row as Spark SQL, equal to {@link #compose} row for row
   * (lists and pools are read from {@link #values} instead).
   */
  public String composeSql(Stream stream, io.synthgen.sql.SqlScope scope) {
    if (kind != Kind.COMPOSITE) {
      throw new IllegalStateException(name + " is a " + kind + " dictionary: pick from its values");
    }
    Stream[] parts = parts(stream);
    String[] bits = new String[parts.length];
    for (int k = 0; k < parts.length; k++) {
      bits[k] = io.synthgen.sql.SqlText.bits(scope, parts[k].key());
    }
    return composer.sql(bits, scope);
  }

  private Stream[] parts(Stream stream) {
    Stream[] parts = new Stream[composer.draws()];
    for (int k = 0; k < parts.length; k++) {
      parts[k] = stream.draw(k);
    }
    return parts;
  }
}
