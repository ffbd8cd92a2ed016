package io.synthgen.output;

import io.synthgen.plan.DataType;
import io.synthgen.vec.Batch;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Vec;
import java.util.List;

/** Batches shaped like the W2 "transactions" workload, from cheap hash arithmetic (for the bench and tests). */
public final class W2Batches {

  public static final StrDict PAYMENT = new StrDict(
      List.of("Credit Card", "Debit Card", "Cash", "Digital Wallet", "Gift Card"));
  private static final long TS_2024 = 1_704_067_200_000_000L;

  public static final List<OutputColumn> COLUMNS = List.of(
      new OutputColumn("txn_id", DataType.BIGINT, false, -1, "dense unique id"),
      new OutputColumn("customer_id", DataType.BIGINT, false, 100_000, "FK to customers"),
      new OutputColumn("store_id", DataType.BIGINT, false, 51, null),
      new OutputColumn("txn_timestamp", DataType.TIMESTAMP, false, -1, null),
      new OutputColumn("payment_method", DataType.STRING, false, 5, null),
      new OutputColumn("discount_amount", DataType.decimal(10, 2), true, -1, null),
      new OutputColumn("tax_amount", DataType.decimal(10, 2), false, -1, null),
      new OutputColumn("total_amount", DataType.decimal(12, 2), false, -1, null),
      new OutputColumn("items_count", DataType.INT, false, 20, null));

  private W2Batches() {
  }

  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Rows {@code [first, first + n)}. */
  public static Batch batch(long first, int n) {
    long[] rows = new long[n];
    long[] id = new long[n];
    long[] cust = new long[n];
    long[] store = new long[n];
    long[] ts = new long[n];
    int[] pay = new int[n];
    long[] disc = new long[n];
    boolean[] discNull = new boolean[n];
    long[] tax = new long[n];
    long[] total = new long[n];
    long[] items = new long[n];
    for (int i = 0; i < n; i++) {
      long r = first + i;
      rows[i] = r;
      id[i] = r + 1;
      long h = mix(r * 0x9E3779B97F4A7C15L + 42);
      cust[i] = 1_000_000 + Long.remainderUnsigned(h, 100_000);
      store[i] = 100 + Long.remainderUnsigned(h >>> 17, 51);
      ts[i] = TS_2024 + Long.remainderUnsigned(h >>> 7, 31_622_400L) * 1_000_000L;
      int p = (int) ((h >>> 40) % 100);
      pay[i] = p < 40 ? 0 : p < 65 ? 1 : p < 80 ? 2 : p < 95 ? 3 : 4;
      long h2 = mix(h);
      long subtotal = 100 + Long.remainderUnsigned(h2, 60_000);
      discNull[i] = (h2 >>> 50) % 50 == 0;
      disc[i] = discNull[i] ? 0 : subtotal * ((h2 >>> 20) % 30) / 100;
      long taxable = subtotal - disc[i];
      tax[i] = (taxable * 8 + 50) / 100;
      total[i] = taxable + tax[i];
      items[i] = 1 + (h2 >>> 33) % 20;
    }
    LongVec discVec = new LongVec(DataType.decimal(10, 2), disc, n);
    discVec.setNulls(discNull);
    List<Vec> vecs = List.of(
        new LongVec(DataType.BIGINT, id, n),
        new LongVec(DataType.BIGINT, cust, n),
        new LongVec(DataType.BIGINT, store, n),
        new LongVec(DataType.TIMESTAMP, ts, n),
        StrVec.dictionary(PAYMENT, pay, n),
        discVec,
        new LongVec(DataType.decimal(10, 2), tax, n),
        new LongVec(DataType.decimal(12, 2), total, n),
        new LongVec(DataType.INT, items, n));
    return new Batch(rows, n, COLUMNS.stream().map(OutputColumn::name).toList(), vecs);
  }
}
