package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.output.OutputColumn;
import io.synthgen.plan.DataType;
import io.synthgen.vec.BoolVec;
import io.synthgen.vec.DoubleVec;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JSON of Debezium images: valid JSON, the plan's types, timestamps with microseconds before and after 1970. */
class FeedJsonTest {

  @Test
  void timestampsAreIsoWithMicroseconds() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 20_000; i++) {
      long micros = r.nextLong(-62_000_000_000_000_000L / 1000, 253_000_000_000_000_000L / 1000);
      LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      StringBuilder b = new StringBuilder();
      FeedJson.timestamp(b, micros);
      assertEquals('"' + f.format(t) + '"', b.toString(), "micros " + micros);
    }
  }

  @Test
  void rowsAreJsonWithThePlansTypes() throws Exception {
    List<OutputColumn> cols = List.of(new OutputColumn("id", DataType.BIGINT, false, -1, null),
        new OutputColumn("amount", DataType.decimal(7, 2), true, -1, null),
        new OutputColumn("x", DataType.DOUBLE, false, -1, null),
        new OutputColumn("day", DataType.DATE, false, -1, null),
        new OutputColumn("ok", DataType.BOOLEAN, false, -1, null),
        new OutputColumn("note", DataType.STRING, true, -1, null));
    LongVec amount = new LongVec(DataType.decimal(7, 2), new long[] {1250, -5}, 2);
    amount.setNull(1);
    StrVec note = StrVec.plain(new String[] {"a \"quoted\"\nline\u0001", null}, 2);
    note.setNull(1);
    List<Vec> vecs = List.of(new LongVec(DataType.BIGINT, new long[] {7, -1}, 2), amount,
        new DoubleVec(new double[] {0.5, Double.NaN}, 2), new LongVec(DataType.DATE, new long[] {19_723, -1}, 2),
        new BoolVec(new boolean[] {true, false}, 2), note);
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.readTree("{\"id\":7,\"amount\":\"12.50\",\"x\":0.5,\"day\":\"2024-01-01\",\"ok\":true,"
        + "\"note\":\"a \\\"quoted\\\"\\nline\\u0001\"}"), json.readTree(FeedJson.row(cols, vecs, 0)));
    assertEquals(json.readTree("{\"id\":-1,\"amount\":null,\"x\":\"NaN\",\"day\":\"1969-12-31\",\"ok\":false,"
        + "\"note\":null}"), json.readTree(FeedJson.row(cols, vecs, 1)));
    assertEquals("{\"id\":7}", FeedJson.key("id", vecs.get(0), 0));
  }
}
