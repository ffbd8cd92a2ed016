package io.synthgen.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.engine.TableSource;
import io.synthgen.plan.ChangeFeed;
import io.synthgen.plan.Plan;
import io.synthgen.plan.Table;
import io.synthgen.resolve.ResolvedPlan;
import io.synthgen.template.Recipes;
import io.synthgen.testing.Plans;
import io.synthgen.vec.Batch;
import io.synthgen.vec.Vec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Golden checksums of the retail and iot change feeds (their cdc recipes, 2,000 rows) in all three formats, batches
 * 0..3: every value of every row, read in chunks of 700 and again in chunks of 1,999, so a change to the bytes a feed
 * writes (or a dependence on chunking) is caught.
 */
class FeedChecksumTest {

  static final Map<String, String> GOLDEN = Map.ofEntries(
      Map.entry("iot.devices.debezium.0", "6228436b52b37aaf51e49e836edff1732a5e6131f55fbc1af64299ef005d0167"),
      Map.entry("iot.devices.debezium.1", "e6bf456e4af1eff178e63da0b4df72070c03f18224487eedaab2b27bd77fda72"),
      Map.entry("iot.devices.debezium.2", "0b50da12fb6de2c22a4f753343036763956f599ea72c45d314218a1a45d00091"),
      Map.entry("iot.devices.debezium.3", "020590627bde64dba1a7c8687ca6918a2f36e68da917aae13caf657a0978c0a8"),
      Map.entry("iot.devices.delta_cdf.0", "727982a7a60566fa25f4acfad18620ded4eedf58afbbd6215e4fc509d9336171"),
      Map.entry("iot.devices.delta_cdf.1", "c8ab19dde7b9c8a0be45f0dcdff8096f5bf1c676cb72ff8d4ca1dad16c1c001c"),
      Map.entry("iot.devices.delta_cdf.2", "62f59250f1d6d1aa4977f7f3521d78966df44e50a66efabe4673483120034a28"),
      Map.entry("iot.devices.delta_cdf.3", "fce04b26af6b6f68c1d460366e84d6b906878a095b402161f1b4ca0c57d26238"),
      Map.entry("iot.devices.plain.0", "f7d37ad1635e6da1f0c70c5bb77c0020706713f8a90fe55638d3d7ba4ee2e6ae"),
      Map.entry("iot.devices.plain.1", "13e08be7deefa66395ff560ec287619d9c5f550cce6da4eff9a9d1197a01d203"),
      Map.entry("iot.devices.plain.2", "339158442e3a8418bb3291d613d5b332b7809c0a8aeb471ed16495fc1b86cbda"),
      Map.entry("iot.devices.plain.3", "f5daf1dc48c5be1cdb9f09bda22402cb38e135eb942100f3067e1114dc9196c4"),
      Map.entry("retail.customers.debezium.0", "4bb6ab154cdb285c59f42046f8800280e6be54d34620f06afa5a19bdd3afacd5"),
      Map.entry("retail.customers.debezium.1", "b021010f9423e34f11b5f9dc60531e9e8f4ecb18081a432440e6eafbf7f376d6"),
      Map.entry("retail.customers.debezium.2", "84a962bd1fd1d0afb752800186d125f83ed403c25d68d7a6d5e04c33f13f72b2"),
      Map.entry("retail.customers.debezium.3", "d791a7414b6cac071df2aa335539ed5ea51d272befa36b40e252490b19c8df5b"),
      Map.entry("retail.customers.delta_cdf.0", "6adeb0cbeae3c84319e95e1d649af880b7c01197f7edb55e0ecdb09754488004"),
      Map.entry("retail.customers.delta_cdf.1", "728732335bf0fcd6cf7821967a62e47555eeac778a1342e3dd724023f5f93ac4"),
      Map.entry("retail.customers.delta_cdf.2", "fa0e56e143da235af4ba2b5ad47d746320b38597c53fd57baebb1b681feb222a"),
      Map.entry("retail.customers.delta_cdf.3", "dbfeac12608f766b2bc29e7dc30c2286aa38c130f70c21f2bb3487a99b91f9ba"),
      Map.entry("retail.customers.plain.0", "c694b5241e9898538e13578319d42f7eb1ed78b4b5fb2d3564da02f4d0503038"),
      Map.entry("retail.customers.plain.1", "93d1122db35375c3867ef462c4541eaa295ba3ca2aae8ae3fbed34189c9f1611"),
      Map.entry("retail.customers.plain.2", "29f04544ccfe00e60298f16d83861a429d05fdde62a9758b68094fcf4c33d21b"),
      Map.entry("retail.customers.plain.3", "390d9950107c3e10f3ad5ca08464398ee64a500f525bfd53e241db24a7189f86"));

  @Test
  void feedBatchesMatchTheirGoldenChecksums() throws Exception {
    Map<String, String> actual = new LinkedHashMap<>();
    for (String template : List.of("retail", "iot")) {
      Plan cdc = Recipes.cdc(Plans.template(template, 2_000));
      for (ChangeFeed.Format format : ChangeFeed.Format.values()) {
        List<Table> tables = new ArrayList<>();
        for (Table t : cdc.tables()) {
          ChangeFeed f = t.changeFeed();
          tables.add(f == null ? t : t.withChangeFeed(new ChangeFeed(f.name(), f.rowsPerBatch(), f.weights(),
              f.changes(), format, f.appendAs(), f.operationColumn(), f.sequenceColumn())));
        }
        ResolvedPlan p = Plans.resolve(cdc.withTables(tables));
        for (Table t : cdc.tables()) {
          if (t.changeFeed() == null) {
            continue;
          }
          for (long k = 0; k <= 3; k++) {
            TableSource s = FeedSources.feed(p, p.table(t.name()), k);
            String digest = digest(s, 700);
            assertEquals(digest, digest(s, 1_999), "chunking must not show");
            actual.put(template + "." + t.name() + "." + format.name().toLowerCase() + "." + k, digest);
          }
        }
      }
    }
    if (!new TreeMap<>(GOLDEN).equals(new TreeMap<>(actual))) {
      StringBuilder b = new StringBuilder("GOLDEN changed; if the change is intended, replace it with:\n");
      new TreeMap<>(actual).forEach((k, v) -> b.append("      Map.entry(\"").append(k).append("\", \"").append(v)
          .append("\"),\n"));
      throw new AssertionError(b.toString());
    }
  }

  /** SHA-256 over the column names and every value of a source, row by row, in chunks of {@code chunk}. */
  static String digest(TableSource s, int chunk) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(String.join(",", s.columns().stream().map(c -> c.name() + ":" + c.type()).toList())
        .getBytes(StandardCharsets.UTF_8));
    for (long first = 0; first < s.rows(); first += chunk) {
      int n = (int) Math.min(chunk, s.rows() - first);
      Batch b = s.chunk(first, n);
      for (int i = 0; i < n; i++) {
        StringBuilder row = new StringBuilder("\n");
        for (Vec v : b.vectors()) {
          row.append(v.get(i)).append('\u0001');
        }
        md.update(row.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }
}
