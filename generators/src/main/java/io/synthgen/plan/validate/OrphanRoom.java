package io.synthgen.plan.validate;

/** Room for orphan keys beside a sequence key, as the plan checker and the injector both need it. */
public final class OrphanRoom {

  private OrphanRoom() {
  }

  /**
   * True when orphans can be made for a sequence parent key (start, step) with {@code keys} keys through the series
   * and {@code pool} distinct orphans: {@code pool} values above the last key, or below the start, fit [lo, hi].
   * The plan checks refuse an orphans defect for which this is false.
   */
  public static boolean possible(long start, long step, long keys, long pool, long lo, long hi) {
    return exact(start, step, keys, pool, lo, hi) != null || exact(start, -step, 1, pool, lo, hi) != null;
  }

  /** start + step x from and start + step x (from + count - 1), both within [lo, hi], or null. */
  public static Long exact(long start, long step, long from, long count, long lo, long hi) {
    try {
      long first = Math.addExact(start, Math.multiplyExact(step, from));
      long last = Math.addExact(first, Math.multiplyExact(step, count - 1));
      return first >= lo && first <= hi && last >= lo && last <= hi ? first : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
