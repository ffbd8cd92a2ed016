package io.synthgen.column;

import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.Utf8Builder;
import io.synthgen.vec.Vec;

/** A UUID string with the version-4 layout (version and variant bits set) from two 64-bit draws. */
public final class UuidGen implements ColumnGenerator {

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private final Stream hi;
  private final Stream lo;

  public UuidGen(Stream stream) {
    this.hi = stream.draw(0);
    this.lo = stream.draw(1);
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    Utf8Builder out = new Utf8Builder(n, 36);
    byte[] c = new byte[36];
    for (int i = 0; i < n; i++) {
      long msb = hi.bits(h[i]) & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L;
      long lsb = lo.bits(h[i]) & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
      hex(c, 0, msb >>> 32, 8);
      c[8] = '-';
      hex(c, 9, msb >>> 16, 4);
      c[13] = '-';
      hex(c, 14, msb, 4);
      c[18] = '-';
      hex(c, 19, lsb >>> 48, 4);
      c[23] = '-';
      hex(c, 24, lsb, 12);
      out.append(c).endRow();
    }
    return out.build();
  }

  private static void hex(byte[] c, int at, long v, int digits) {
    for (int k = digits - 1; k >= 0; k--) {
      c[at + k] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
  }

  /** The same bits in SQL: {@code hex} of each half, padded to 16 digits, lower case, cut 8-4-4-4-12. */
  @Override
  public String sql(SqlScope scope) {
    String msb = "((" + SqlText.bits(scope, hi.key()) + " & " + SqlText.lit(0xFFFFFFFFFFFF0FFFL) + ") | "
        + SqlText.lit(0x0000000000004000L) + ")";
    String lsb = "((" + SqlText.bits(scope, lo.key()) + " & " + SqlText.lit(0x3FFFFFFFFFFFFFFFL) + ") | "
        + SqlText.lit(0x8000000000000000L) + ")";
    String h = "lower(lpad(hex(" + msb + "), 16, '0'))";
    String l = "lower(lpad(hex(" + lsb + "), 16, '0'))";
    return "concat_ws('-', substr(" + h + ", 1, 8), substr(" + h + ", 9, 4), substr(" + h + ", 13, 4), substr(" + l
        + ", 1, 4), substr(" + l + ", 5, 12))";
  }

  @Override
  public long distinctEstimate(long rows) {
    return rows;
  }
}
