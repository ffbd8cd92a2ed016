package io.synthgen.column;

import io.synthgen.distribution.AliasTable;
import io.synthgen.plan.DataType;
import io.synthgen.plan.TimeProfile;
import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.LongVec;
import io.synthgen.vec.Vec;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates or timestamps on the grid start, start + interval, ... up to end (inclusive). Without a profile every grid
 * point is equally likely. With one, time is cut into buckets (one per grid point when the interval is an hour or
 * more, else one per hour); a bucket's weight is the product of the factors that apply to it (weekday, month,
 * holiday, hour of day, incident windows) times its number of grid points, a bucket is drawn with the alias method
 * (draw 0) and a grid point uniformly inside it (draw 1).
 */
public final class DateRangeGen implements ColumnGenerator {

  /** Most buckets a profile may create; more means the interval is too fine for the range. */
  public static final long MAX_BUCKETS = io.synthgen.plan.validate.PlanLimits.MAX_PROFILE_BUCKETS;

  private final DataType type;
  private final Stream pick;
  private final Stream within;
  private final long startMicros;
  private final long interval;
  private final long points;
  private final AliasTable buckets;
  private final long[] bucketFirst;
  private final long[] bucketCount;

  public DateRangeGen(DataType type, Stream stream, String start, String end, String intervalText,
      TimeProfile profile, LocalDate reference) {
    this.type = type;
    this.pick = stream.draw(0);
    this.within = stream.draw(1);
    LocalDateTime s = Instants.resolve(start, reference);
    LocalDateTime e = Instants.resolve(end, reference);
    this.startMicros = ValueConversion.toMicros(s);
    long endMicros = ValueConversion.toMicros(e);
    long iv = intervalText == null
        ? (type.kind() == DataType.Kind.DATE ? Instants.MICROS_PER_DAY : Instants.MICROS_PER_SECOND)
        : Instants.intervalMicros(intervalText);
    if (type.kind() == DataType.Kind.DATE && iv % Instants.MICROS_PER_DAY != 0) {
      throw new IllegalArgumentException("a date column needs an interval of whole days, not '" + intervalText + "'");
    }
    if (endMicros < startMicros) {
      throw new IllegalArgumentException("end " + e + " is before start " + s);
    }
    this.interval = iv;
    this.points = (endMicros - startMicros) / iv + 1;
    if (profile == null || isFlat(profile)) {
      buckets = null;
      bucketFirst = null;
      bucketCount = null;
      return;
    }
    long bucketSize = iv >= Instants.MICROS_PER_HOUR ? iv : Instants.MICROS_PER_HOUR;
    if (iv < Instants.MICROS_PER_HOUR && Instants.MICROS_PER_HOUR % iv != 0) {
      throw new IllegalArgumentException("with a time profile, an interval under an hour must divide the hour");
    }
    long firstBucketStart = Math.floorDiv(startMicros, bucketSize) * bucketSize;
    if (iv >= Instants.MICROS_PER_HOUR) {
      firstBucketStart = startMicros;
    }
    long nb = (endMicros - firstBucketStart) / bucketSize + 1;
    if (nb > MAX_BUCKETS) {
      throw new IllegalArgumentException("the range has " + nb + " buckets; use a coarser interval or a shorter range");
    }
    ProfileWeights weights = new ProfileWeights(profile, reference);
    double[] w = new double[(int) nb];
    bucketFirst = new long[(int) nb];
    bucketCount = new long[(int) nb];
    for (int b = 0; b < nb; b++) {
      long bs = firstBucketStart + b * bucketSize;
      long first = Math.max(0, ceilDiv(bs - startMicros, iv));
      long last = Math.min(points - 1, Math.floorDiv(bs + bucketSize - 1 - startMicros, iv));
      long count = Math.max(0, last - first + 1);
      bucketFirst[b] = first;
      bucketCount[b] = count;
      w[b] = count == 0 ? 0 : count * weights.at(bs, type.kind() == DataType.Kind.DATE);
    }
    buckets = new AliasTable(w);
  }

  private static boolean isFlat(TimeProfile p) {
    return p.isFlat();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    LongVec out = new LongVec(type, n);
    boolean date = type.kind() == DataType.Kind.DATE;
    for (int i = 0; i < n; i++) {
      long k;
      if (buckets == null) {
        k = Stream.below(pick.bits(h[i]), points);
      } else {
        int b = buckets.sample(pick.uniform(h[i]));
        k = bucketFirst[b] + Stream.below(within.bits(h[i]), bucketCount[b]);
      }
      long micros = startMicros + k * interval;
      out.values[i] = date ? Math.floorDiv(micros, Instants.MICROS_PER_DAY) : micros;
    }
    return out;
  }

  /**
   * The grid point in SQL. Without a profile {@code floor(u * points)}; with one, the bucket by the alias table
   * (draw 0) over constant arrays of its probabilities and aliases, then a point inside it (draw 1) from constant
   * arrays of each bucket's first point and point count. The profile's factors (weekdays, months, hours, holidays,
   * incidents) are all in the precomputed bucket weights, so the SQL reads no calendar. A date is its epoch day
   * ({@code date_from_unix_date}), a timestamp its epoch microseconds ({@code timestamp_micros}): no time zone.
   */
  @Override
  public String sql(SqlScope scope) {
    String k;
    if (buckets == null) {
      k = SqlText.below(SqlText.bits(scope, pick.key()), points);
    } else {
      String b = buckets.sql(scope, "profile_buckets", SqlText.uniform(scope, pick.key()));
      boolean oneEach = true;
      for (int i = 0; i < bucketFirst.length; i++) {
        oneEach &= bucketFirst[i] == i && bucketCount[i] == 1;
      }
      if (oneEach) {
        k = "CAST(" + b + " AS BIGINT)";
      } else {
        java.util.List<String> first = new java.util.ArrayList<>(bucketFirst.length);
        java.util.List<String> count = new java.util.ArrayList<>(bucketCount.length);
        for (int i = 0; i < bucketFirst.length; i++) {
          first.add(SqlText.lit(bucketFirst[i]));
          count.add(SqlText.lit(bucketCount[i]));
        }
        String bucket = b; // read twice: Spark evaluates the repeat once
        String firstOf = "element_at(" + scope.constantArray("profile_first", SqlText.array(first)) + ", " + bucket
            + " + 1)";
        String countOf = "element_at(" + scope.constantArray("profile_count", SqlText.array(count)) + ", " + bucket
            + " + 1)";
        k = "(" + firstOf + " + CAST(" + SqlText.uniform(scope, within.key()) + " * CAST(" + countOf
            + " AS DOUBLE) AS BIGINT))";
      }
    }
    if (type.kind() == DataType.Kind.DATE) {
      // the interval is whole days, so floorDiv(start + k * interval, day) = floorDiv(start, day) + k * days
      long startDay = Math.floorDiv(startMicros, Instants.MICROS_PER_DAY);
      return "date_from_unix_date(CAST(" + SqlText.lit(startDay) + " + " + k + " * "
          + SqlText.lit(interval / Instants.MICROS_PER_DAY) + " AS INT))";
    }
    return "timestamp_micros(" + SqlText.lit(startMicros) + " + " + k + " * " + SqlText.lit(interval) + ")";
  }

  @Override
  public long distinctEstimate(long rows) {
    return Math.min(points, rows);
  }
}
