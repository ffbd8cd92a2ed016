package io.synthgen.server.plan;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Server-minted ids: a prefix and 128 random bits in lowercase base32 ({@code pln_} + 26 characters). Plans and jobs
 * are addressed by id alone, so ids must be unguessable; they are also safe as file names.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final Pattern SHAPE = Pattern.compile("[a-z]{3}_[a-z2-7]{26}");

  private Ids() {
  }

  public static String mint(String prefix) {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    StringBuilder s = new StringBuilder(prefix).append('_');
    int buffer = 0;
    int bits = 0;
    for (byte x : b) {
      buffer = (buffer << 8) | (x & 0xff);
      bits += 8;
      while (bits >= 5) {
        s.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      s.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return s.toString();
  }

  /** True when {@code id} has the shape of an id with this prefix (nothing else may become a file name). */
  public static boolean wellFormed(String id, String prefix) {
    return id != null && id.startsWith(prefix + "_") && SHAPE.matcher(id).matches();
  }
}
