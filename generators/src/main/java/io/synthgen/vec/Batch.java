package io.synthgen.vec;

import java.util.List;

/**
 * The rows of one chunk of a table, column by column. {@code rows[i]} is the table row index of element i of every
 * vector; {@code names} and {@code vectors} are in the table's output order (helper columns excluded).
 */
public record Batch(long[] rows, int size, List<String> names, List<Vec> vectors) {

  public Batch {
    names = List.copyOf(names);
    vectors = List.copyOf(vectors);
  }

  public Vec vector(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + name + " in batch; columns are " + names);
    }
    return vectors.get(i);
  }
}
