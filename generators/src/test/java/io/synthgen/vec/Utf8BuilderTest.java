package io.synthgen.vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8BuilderTest {

  @Test
  void integersAreWrittenAsLongToStringWritesThem() {
    List<Long> values = new ArrayList<>();
    for (long v = -1000; v <= 100_000; v++) {
      values.add(v);
    }
    for (long p = 10; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
      values.add(p - 1);
      values.add(p);
      values.add(p + 1);
      values.add(-p);
    }
    values.addAll(List.of((long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, 1_234_567_890L, 987_654_321L));
    Utf8Builder b = new Utf8Builder(values.size(), 1);
    for (long v : values) {
      b.append('<').append(v).append('>').endRow();
    }
    StrVec out = b.build();
    for (int i = 0; i < values.size(); i++) {
      assertEquals("<" + values.get(i) + ">", out.str(i));
    }
  }
}
