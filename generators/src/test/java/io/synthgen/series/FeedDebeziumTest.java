package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.engine.TableSource;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.resolve.ResolvedTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Debezium envelopes carry the plain feed's rows as JSON with the plan's types, and replaying them (after on
 * r/c/u, delete on d) gives the state after every K.
 */
class FeedDebeziumTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  /** An independent encoding of a row's values, parsed back so number node kinds compare equal. */
  static JsonNode encode(List<String> names, List<Object> values) throws Exception {
    ObjectNode o = JSON.createObjectNode();
    for (int c = 0; c < names.size(); c++) {
      Object v = values.get(c);
      String n = names.get(c);
      if (v == null) {
        o.putNull(n);
      } else if (v instanceof Long l) {
        o.put(n, l);
      } else if (v instanceof Double d) {
        o.put(n, d);
      } else if (v instanceof BigDecimal d) {
        o.put(n, d.toPlainString());
      } else if (v instanceof LocalDate d) {
        o.put(n, d.toString());
      } else if (v instanceof LocalDateTime t) {
        o.put(n, MICROS.format(t));
      } else if (v instanceof Boolean b) {
        o.put(n, b);
      } else {
        o.put(n, (String) v);
      }
    }
    return JSON.readTree(JSON.writeValueAsString(o));
  }

  static JsonNode parse(Object text) throws Exception {
    return text == null ? null : JSON.readTree((String) text);
  }

  @Test
  void envelopesCarryThePlainRowsAndReplayToTheState() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    int updates = 0;
    int deletes = 0;
    for (int trial = 0; trial < 8; trial++) {
      long rows = 1 + r.nextInt(25);
      ChangeFeed feed = FeedTestPlans.randomFeed(r, rows, ChangeFeed.Format.DEBEZIUM);
      ChangeFeed plainFeed = new ChangeFeed(feed.name(), feed.rowsPerBatch(), feed.weights(), feed.changes(),
          ChangeFeed.Format.PLAIN, null, null, null);
      ResolvedPlan p = FeedTestPlans.resolve(FeedTestPlans.plan(200 + trial, rows, feed));
      ResolvedPlan q = FeedTestPlans.resolve(FeedTestPlans.plan(200 + trial, rows, plainFeed));
      ResolvedTable t = p.table("customers");
      FeedSpec spec = FeedSpec.of(p, t);
      List<String> names = spec.baseColumns().stream().map(c -> c.name()).toList();
      int base = names.size();
      TreeMap<Long, JsonNode> live = new TreeMap<>();
      for (int k = 0; k < FeedReplayTest.BATCHES; k++) {
        TableSource f = FeedSources.feed(p, t, k);
        assertEquals(List.of("key", "before", "after", "op", "ts_ms"), f.columns().stream().map(c -> c.name())
            .toList());
        List<List<Object>> env = FeedReplayTest.read(f, r);
        List<List<Object>> plain = FeedReplayTest.read(FeedSources.feed(q, q.table("customers"), k), r);
        assertEquals(plain.size(), env.size());
        for (int i = 0; i < env.size(); i++) {
          List<Object> e = env.get(i);
          List<Object> row = plain.get(i);
          long id = (Long) row.get(0);
          assertEquals(JSON.readTree("{\"id\": " + id + "}"), parse(e.get(0)));
          LocalDateTime when = (LocalDateTime) row.get(base + 1);
          assertEquals(Math.floorDiv(when.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + when.getNano() / 1000, 1000L),
              e.get(4));
          JsonNode image = encode(names, row.subList(0, base));
          String op = (String) e.get(3);
          switch ((String) row.get(base)) {
            case "APPEND", "INSERT" -> {
              assertEquals(k == 0 ? "r" : "c", op);
              assertNull(e.get(1));
              assertEquals(image, parse(e.get(2)));
            }
            case "UPDATE" -> {
              assertEquals("u", op);
              assertEquals(live.get(id), parse(e.get(1)), "before is the key's last version");
              assertEquals(image, parse(e.get(2)));
              updates++;
            }
            case "DELETE" -> {
              assertEquals("d", op);
              assertEquals(image, parse(e.get(1)));
              assertEquals(live.get(id), parse(e.get(1)));
              assertNull(e.get(2));
              deletes++;
            }
            default -> throw new AssertionError(row);
          }
          if (op.equals("d")) {
            assertTrue(live.remove(id) != null);
          } else {
            live.put(id, parse(e.get(2)));
          }
        }
        List<JsonNode> state = new ArrayList<>();
        for (List<Object> s : FeedReplayTest.read(FeedSources.state(p, t, k), r)) {
          state.add(encode(names, s));
        }
        assertEquals(new ArrayList<>(live.values()), state, "state after " + k);
      }
    }
    assertTrue(updates > 20 && deletes > 10, updates + " updates, " + deletes + " deletes");
  }
}
