package io.synthgen.plan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.plan.Column;
import io.synthgen.plan.ColumnGen;
import io.synthgen.plan.DataType;
import io.synthgen.plan.Destination;
import io.synthgen.plan.Distribution;
import io.synthgen.plan.FkDistribution;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.PlanFixtures;
import io.synthgen.plan.Rounding;
import io.synthgen.plan.Table;
import io.synthgen.plan.TimeProfile;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanCodecRoundTripTest {

  @Test
  void richPlanRoundTrips() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.RICH);
    String written = PlanCodec.write(p);
    assertEquals(p, PlanCodec.read(written));
    assertEquals(written, PlanCodec.write(PlanCodec.read(written)), "writing is stable");
  }

  @Test
  void richPlanUsesEveryStrategyAndDistribution() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.RICH);
    Set<String> strategies = new HashSet<>();
    Set<String> distributions = new HashSet<>();
    Set<String> fk = new HashSet<>();
    for (Table t : p.tables()) {
      if (t.perParent() != null) {
        distributions.add(t.perParent().count().distribution().type());
      }
      for (Column c : t.columns()) {
        strategies.add(c.gen().strategy());
        if (c.gen() instanceof ColumnGen.Dist d) {
          distributions.add(d.shaped().distribution().type());
        }
        if (c.gen() instanceof ColumnGen.ForeignKey f) {
          fk.add(f.distribution().type());
        }
      }
    }
    assertEquals(Set.copyOf(ColumnGen.STRATEGIES), strategies);
    assertEquals(PlanFields.DISTRIBUTION.keySet(), distributions);
    assertEquals(PlanFields.FK_DISTRIBUTION.keySet(), fk);
  }

  @Test
  void everyPermittedSubclassHasAnId() {
    assertEquals(ColumnGen.STRATEGIES.size(), ColumnGen.class.getPermittedSubclasses().length);
    assertEquals(PlanFields.DISTRIBUTION.size(), Distribution.class.getPermittedSubclasses().length);
    assertEquals(PlanFields.FK_DISTRIBUTION.size(), FkDistribution.class.getPermittedSubclasses().length);
  }

  @Test
  void decodesValuesAndDefaults() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.RICH);
    assertEquals(7, p.seed());
    assertEquals(LocalDate.of(2025, 1, 1), p.referenceDate());
    Table customers = p.table("customers").orElseThrow();
    assertEquals(new ColumnGen.Sequence(1_000_000, 1), customers.column("customer_id").orElseThrow().gen());
    Column ltv = customers.column("lifetime_value").orElseThrow();
    assertEquals(DataType.decimal(12, 2), ltv.type());
    ColumnGen.Dist d = (ColumnGen.Dist) ltv.gen();
    assertEquals(new Distribution.Gamma(2, 2), d.shaped().distribution());
    assertEquals(2500, d.shaped().scale());
    assertEquals(0, d.shaped().offset());
    assertEquals(0.0, d.shaped().min());
    assertNull(d.shaped().max());
    assertEquals(Rounding.NONE, d.shaped().rounding());
    ColumnGen.Values tier = (ColumnGen.Values) customers.column("loyalty_tier").orElseThrow().gen();
    assertEquals(List.of(50.0, 30.0, 15.0, 5.0), tier.weights());
    ColumnGen.Values w = (ColumnGen.Values) customers.column("tier_weight").orElseThrow().gen();
    assertEquals(List.of(1.5, 2.25, 4L), w.values(), "integral JSON numbers decode as Long, others as Double");
    ColumnGen.DateRange signup = (ColumnGen.DateRange) customers.column("signup_date").orElseThrow().gen();
    assertEquals("1 day", signup.interval());
    assertEquals(List.of(), signup.profile().hourWeights());
    Table txn = p.table("transactions").orElseThrow();
    ColumnGen.ForeignKey any = (ColumnGen.ForeignKey) txn.column("customer_id").orElseThrow().gen();
    assertEquals(new FkDistribution.Zipf(1.1), any.distribution());
    assertInstanceOf(FkDistribution.Uniform.class,
        ((ColumnGen.ForeignKey) txn.column("any_product").orElseThrow().gen()).distribution());
    TimeProfile prof = ((ColumnGen.DateRange) txn.column("txn_timestamp").orElseThrow().gen()).profile();
    assertEquals(new TimeProfile.Holiday(LocalDate.of(2024, 12, 25), 0.3, "Christmas"), prof.holidays().get(0));
    assertEquals(new TimeProfile.Window("ref-31d", "ref-21d", 3.0, "outage"), prof.incidents().get(0));
    assertEquals("transactions", p.table("line_items").orElseThrow().perParent().table());
  }

  @Test
  void minimalPlanGetsDefaultsAndRoundTrips() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.MINIMAL_UC);
    assertEquals(Plan.DEFAULT_SEED, p.seed());
    assertEquals("events", p.mainTable(), "main_table defaults to the first table");
    assertEquals(0, p.tier());
    Destination d = p.destination();
    assertEquals(new Destination(Destination.Kind.UNITY_CATALOG, null, Destination.Format.PARQUET,
        Destination.Compression.ZSTD, "main", "synthetic", "staging"), d);
    Table t = p.tables().get(0);
    assertEquals("1 second", ((ColumnGen.DateRange) t.column("at").orElseThrow().gen()).interval());
    assertEquals("1 day", ((ColumnGen.DateRange) t.column("day").orElseThrow().gen()).interval());
    assertEquals(new ColumnGen.Constant(2.5), t.column("amount").orElseThrow().gen());
    assertEquals(List.of(true, false), ((ColumnGen.Values) t.column("flag").orElseThrow().gen()).values());
    assertEquals(p, PlanCodec.read(PlanCodec.write(p)));
  }

  @Test
  void destinationDefaultsToLocalParquetUnderOutput() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.MINIMAL_UC.replaceAll("\"destination\": \\{[^}]*},", ""));
    assertEquals(Destination.local("output/events"), p.destination());
    assertEquals(p, PlanCodec.read(PlanCodec.write(p)));
    for (Destination.Format f : Destination.Format.values()) {
      for (Destination.Compression c : Destination.Compression.values()) {
        Plan q = p.withDestination(Destination.local("out/x").withFormat(f).withCompression(c));
        boolean writable = f == Destination.Format.PARQUET || c == Destination.Compression.NONE
            || c == Destination.Compression.GZIP;
        if (writable) {
          assertEquals(q, PlanCodec.read(PlanCodec.write(q)));
        } else {
          PlanException e = assertThrows(PlanException.class, () -> PlanCodec.read(PlanCodec.write(q)));
          assertEquals("destination.compression", e.violations().get(0).path(), f + " " + c);
        }
      }
    }
  }

  @Test
  void writeLeavesDefaultsOutAndKeepsOrder() throws Exception {
    String w = PlanCodec.write(PlanCodec.read(PlanFixtures.RICH));
    assertTrue(w.startsWith("{\n  \"format\": \"synthgen.plan/v1\",\n  \"name\": \"retail\","), w);
    assertTrue(w.contains("{\"name\": \"txn_id\", \"type\": \"bigint\", \"strategy\": \"sequence\"}"), w);
    assertTrue(w.contains("\"weights\": [50, 30, 15, 5]"), w);
    assertTrue(!w.contains("\"rounding\": \"none\"") && !w.contains("\"null_rate\": 0,"), w);
  }

  @Test
  void toJsonMatchesWrite() throws Exception {
    Plan p = PlanCodec.read(PlanFixtures.RICH);
    assertEquals(PlanCodec.parse(PlanCodec.write(p)).toString(), PlanCodec.toJson(p).toString());
  }
}
