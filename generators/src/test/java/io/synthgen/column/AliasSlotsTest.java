package io.synthgen.column;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.distribution.AliasTable;
import io.synthgen.random.Stream;
import org.junit.jupiter.api.Test;

/** The alias slots a weighted key writes into SQL pick what the engine's alias table picks, uniform for uniform. */
class AliasSlotsTest {

  @Test
  void slotsPickWhatTheAliasTablePicks() {
    Stream s = Stream.root(9);
    for (int n : new int[] {1, 2, 3, 17, 1000, 10_000}) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        // zeros, ties and a wide range of weights
        w[i] = i % 7 == 0 ? 0 : Math.floor(s.child("w").uniformAt(i) * 1000) * (i % 3 == 0 ? 1e6 : 1);
      }
      w[n - 1] = Math.max(w[n - 1], 1);
      AliasTable table = new AliasTable(w.clone());
      AliasSlots slots = new AliasSlots(w.clone());
      for (int k = 0; k < 20_000; k++) {
        double u = s.child("u" + n).uniformAt(k);
        assertEquals(table.sample(u), slots.sample(u), "n " + n + " u " + u);
      }
      double last = Math.nextDown(1.0);
      assertEquals(table.sample(last), slots.sample(last));
      assertEquals(table.sample(0), slots.sample(0));
    }
  }
}
