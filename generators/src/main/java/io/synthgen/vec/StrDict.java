package io.synthgen.vec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An immutable list of distinct strings with their UTF-8 encodings, built once at resolve time and shared by all
 * batches. Dictionary-coded {@link StrVec}s hold indices into it, so writers can emit dictionary pages directly.
 */
public final class StrDict {

  private final String[] values;
  private final byte[][] utf8;

  public StrDict(List<String> values) {
    this.values = values.toArray(new String[0]);
    this.utf8 = new byte[this.values.length][];
    for (int i = 0; i < this.values.length; i++) {
      utf8[i] = this.values[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  public int size() {
    return values.length;
  }

  public String get(int code) {
    return values[code];
  }

  public byte[] utf8(int code) {
    return utf8[code];
  }

  public List<String> values() {
    return List.of(values);
  }
}
