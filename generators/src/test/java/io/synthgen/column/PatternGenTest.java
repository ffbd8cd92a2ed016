package io.synthgen.column;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.random.Stream;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternGenTest {

  private static final int ROWS = 5_000;

  @ParameterizedTest
  @ValueSource(strings = {"!####", "???-####-**", "******************************", "#?*!#?*!#?*!#?*!#?*!#?*!",
      "ID\\#?#", "é-##-?"})
  void valuesAreTheTemplateFilledFromTheRowsDraws(String pattern) {
    Stream stream = Stream.root(7).child("t.c");
    PatternGen gen = new PatternGen(pattern, stream);
    Vec v = gen.generate(new Rows(ROWS));
    for (int i = 0; i < ROWS; i++) {
      String s = ((StrVec) v).str(i);
      assertEquals(expected(pattern, stream, Stream.rowHash(i)), s, "row " + i);
    }
    assertTrue(((StrVec) v).str(0).length() > 0);
  }

  /** The definition: each random position takes the next digit, in its radix, of the current draw's bits. */
  private static String expected(String pattern, Stream stream, long h) {
    StringBuilder t = new StringBuilder();
    java.util.List<Integer> radices = new java.util.ArrayList<>();
    double bits = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int rad = c == '#' ? 10 : c == '!' ? 9 : c == '?' ? 26 : c == '*' ? 36 : 0;
      if (c == '\\') {
        c = pattern.charAt(++i);
      }
      t.append(c);
      radices.add(rad);
      bits += rad > 0 ? Math.log(rad) / Math.log(2) : 0;
    }
    int draws = Math.max(1, (int) Math.ceil(bits / 58.0) + 1);
    StringBuilder out = new StringBuilder();
    int d = 0;
    long x = stream.draw(0).bits(h) >>> 1;
    long room = Long.MAX_VALUE;
    for (int j = 0; j < t.length(); j++) {
      int rad = radices.get(j);
      if (rad == 0) {
        out.append(t.charAt(j));
        continue;
      }
      if (room < rad * 64L) {
        d = Math.min(d + 1, draws - 1);
        x = stream.draw(d).bits(h) >>> 1;
        room = Long.MAX_VALUE;
      }
      int digit = (int) (x % rad);
      x /= rad;
      room /= rad;
      out.append(rad == 10 ? (char) ('0' + digit) : rad == 9 ? (char) ('1' + digit)
          : rad == 26 ? (char) ('A' + digit) : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(digit));
    }
    return out.toString();
  }

  /** Rows 0 .. n-1 of a table with no other columns. */
  private record Rows(int size) implements BatchContext {

    @Override
    public long[] rows() {
      long[] r = new long[size];
      for (int i = 0; i < size; i++) {
        r[i] = i;
      }
      return r;
    }

    @Override
    public long[] rowHashes() {
      long[] h = new long[size];
      for (int i = 0; i < size; i++) {
        h[i] = Stream.rowHash(i);
      }
      return h;
    }

    @Override
    public Vec column(String name) {
      throw new IllegalArgumentException(name);
    }

    @Override
    public long[] parentRows(String fkColumn) {
      throw new IllegalArgumentException(fkColumn);
    }

    @Override
    public Vec evaluate(String table, String column, long[] rows, int n) {
      throw new IllegalArgumentException(table + "." + column);
    }
  }
}
