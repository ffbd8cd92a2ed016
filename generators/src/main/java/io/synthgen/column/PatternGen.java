package io.synthgen.column;

import io.synthgen.random.Stream;
import io.synthgen.sql.SqlScope;
import io.synthgen.sql.SqlText;
import io.synthgen.vec.StrVec;
import io.synthgen.vec.Utf8Builder;
import io.synthgen.vec.Vec;

/**
 * A string from a template: {@code #} a digit 0-9, {@code !} a digit 1-9, {@code ?} a letter A-Z, {@code *} a letter
 * or digit (A-Z, 0-9), {@code \} makes the next character literal; anything else is copied. Random characters are
 * taken from 64-bit draws, several characters per draw.
 */
public final class PatternGen implements ColumnGenerator {

  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final char[] template;
  /** 0 = literal, else the radix of the position. */
  private final int[] radix;
  private final Stream[] draws;
  /**
   * For each position, the draw whose bits are (re)loaded before it, or -1 to keep dividing the current bits. Where
   * the draws change depends only on the radices, so it is worked out once here rather than per row.
   */
  private final int[] reload;
  private final long combinations;
  /** True when every literal character is ASCII: values are then built as bytes. */
  private final boolean ascii;

  public PatternGen(String pattern, Stream stream) {
    StringBuilder t = new StringBuilder();
    java.util.List<Integer> r = new java.util.ArrayList<>();
    double bits = 0;
    double combos = 1;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      int rad;
      switch (c) {
        case '#': rad = 10; break;
        case '!': rad = 9; break;
        case '?': rad = 26; break;
        case '*': rad = 36; break;
        case '\\':
          if (i + 1 < pattern.length()) {
            c = pattern.charAt(++i);
          }
          rad = 0;
          break;
        default: rad = 0;
      }
      t.append(c);
      r.add(rad);
      if (rad > 0) {
        bits += Math.log(rad) / Math.log(2);
        combos *= rad;
      }
    }
    this.template = t.toString().toCharArray();
    boolean latin = true;
    for (char ch : template) {
      latin &= ch < 0x80;
    }
    this.ascii = latin;
    this.radix = r.stream().mapToInt(Integer::intValue).toArray();
    int nDraws = Math.max(1, (int) Math.ceil(bits / 58.0) + 1);
    this.draws = new Stream[nDraws];
    for (int k = 0; k < nDraws; k++) {
      draws[k] = stream.draw(k);
    }
    this.combinations = combos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : (long) combos;
    this.reload = new int[template.length];
    int d = 0;
    long room = Long.MAX_VALUE;
    for (int j = 0; j < template.length; j++) {
      int rad = radix[j];
      reload[j] = -1;
      if (rad == 0) {
        continue;
      }
      if (room < rad * 64L) {
        d = Math.min(d + 1, nDraws - 1);
        reload[j] = d;
        room = Long.MAX_VALUE;
      }
      room /= rad;
    }
  }

  @Override
  public Vec generate(BatchContext ctx) {
    int n = ctx.size();
    long[] h = ctx.rowHashes();
    String[] out = ascii ? null : new String[n];
    Utf8Builder utf8 = ascii ? new Utf8Builder(n, template.length) : null;
    byte[] buf = new byte[template.length];
    for (int i = 0; i < n; i++) {
      long bits = draws[0].bits(h[i]) >>> 1;
      for (int j = 0; j < template.length; j++) {
        int rad = radix[j];
        if (rad == 0) {
          buf[j] = (byte) template[j];
          continue;
        }
        if (reload[j] >= 0) {
          bits = draws[reload[j]].bits(h[i]) >>> 1;
        }
        // the radices are constants in each branch, so the divisions compile to multiplications
        long q;
        byte c;
        switch (rad) {
          case 10:
            q = bits / 10;
            c = (byte) ('0' + (int) (bits - q * 10));
            break;
          case 9:
            q = bits / 9;
            c = (byte) ('1' + (int) (bits - q * 9));
            break;
          case 26:
            q = bits / 26;
            c = (byte) ('A' + (int) (bits - q * 26));
            break;
          default:
            q = bits / 36;
            c = (byte) ALNUM.charAt((int) (bits - q * 36));
        }
        buf[j] = c;
        bits = q;
      }
      if (ascii) {
        utf8.append(buf).endRow();
      } else {
        out[i] = unicode(buf);
      }
    }
    return ascii ? utf8.build() : StrVec.plain(out, n);
  }

  /**
   * The same characters in SQL. Which draw a random position reads and by how much its bits are divided first do
   * not depend on the bits (only on the radices before it), so each position is {@code (bits div D) % radix} of a
   * fixed draw, with D the product of the radices read before it from that draw.
   */
  @Override
  public String sql(SqlScope scope) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int d = 0;
    long divisor = 1;
    long room = Long.MAX_VALUE;
    for (int j = 0; j < template.length; j++) {
      int rad = radix[j];
      if (rad == 0) {
        literal.append(template[j]);
        continue;
      }
      if (literal.length() > 0) {
        parts.add(SqlText.lit(literal.toString()));
        literal.setLength(0);
      }
      if (room < rad * 64L) {
        d = Math.min(d + 1, draws.length - 1);
        divisor = 1;
        room = Long.MAX_VALUE;
      }
      String bits = "shiftrightunsigned(" + SqlText.bits(scope, draws[d].key()) + ", 1)";
      String digit = "CAST((" + (divisor == 1 ? bits : "(" + bits + " div " + SqlText.lit(divisor) + ")") + ") % "
          + SqlText.lit((long) rad) + " AS INT)";
      String alphabet = rad == 10 ? "0123456789" : rad == 9 ? "123456789" : rad == 26 ? ALNUM.substring(0, 26) : ALNUM;
      parts.add("substr(" + SqlText.lit(alphabet) + ", " + digit + " + 1, 1)");
      divisor *= rad;
      room /= rad;
    }
    if (literal.length() > 0 || parts.isEmpty()) {
      parts.add(SqlText.lit(literal.toString()));
    }
    return parts.size() == 1 ? parts.get(0) : "concat(" + String.join(", ", parts) + ")";
  }

  /** The string when the template holds non-ASCII literals: random positions are ASCII, literals come back whole. */
  private String unicode(byte[] buf) {
    char[] c = new char[buf.length];
    for (int j = 0; j < buf.length; j++) {
      c[j] = radix[j] == 0 ? template[j] : (char) buf[j];
    }
    return new String(c);
  }

  @Override
  public long distinctEstimate(long rows) {
    return Math.min(rows, combinations);
  }
}
