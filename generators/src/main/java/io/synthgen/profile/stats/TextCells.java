package io.synthgen.profile.stats;

/**
 * Classifies the text of a CSV or JSONL cell: a whole number (no leading zero, at most 18 digits), a decimal
 * ({@code 12.50}), another double ({@code 1e-3}), a date ({@code 2024-03-01}, or US {@code 03/01/2024}), a
 * timestamp ({@code 2024-03-01 12:30:00} or with {@code T}, seconds optional, optional fraction up to microseconds,
 * optional {@code Z} or UTC offset {@code +02:00}/{@code +0200}/{@code +02}, read as the UTC instant; or a US date
 * followed by a time), a boolean ({@code true}/{@code false}, any case) or a string. Hand-written parsing: no
 * exception per cell.
 */
final class TextCells {

  static final int INT = 1;
  static final int LONG = 2;
  static final int DECIMAL = 4;
  static final int DOUBLE = 8;
  static final int DATE = 16;
  static final int TIMESTAMP = 32;
  static final int BOOL = 64;
  static final int STRING = 128;

  /** Results of the last {@link #classify}: the integer, the double, the epoch micros, decimals' digits. */
  long longValue;
  double doubleValue;
  long micros;
  int intDigits;
  int scale;
  boolean boolValue;

  private TextCells() {
  }

  static TextCells create() {
    return new TextCells();
  }

  int classify(String s) {
    int n = s.length();
    if (n == 0) {
      return STRING;
    }
    int c = number(s, n);
    if (c != 0) {
      return c;
    }
    if (n == 4 || n == 5) {
      if (s.equalsIgnoreCase("true")) {
        boolValue = true;
        return BOOL;
      }
      if (s.equalsIgnoreCase("false")) {
        boolValue = false;
        return BOOL;
      }
    }
    if (n >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      return temporal(s, n, digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    }
    if (n >= 10 && s.charAt(2) == '/' && s.charAt(5) == '/') {
      return temporal(s, n, digits(s, 6, 4), digits(s, 0, 2), digits(s, 3, 2));
    }
    return STRING;
  }

  private int number(String s, int n) {
    int i = 0;
    boolean neg = false;
    char c0 = s.charAt(0);
    if (c0 == '-' || c0 == '+') {
      neg = c0 == '-';
      i = 1;
      if (n == 1) {
        return 0;
      }
    }
    int start = i;
    long v = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      i++;
      if (i - start > 18) {
        return maybeDouble(s);
      }
    }
    int digits = i - start;
    if (digits == 0) {
      return c0 == '.' || (i < n && s.charAt(i) == '.') ? maybeDouble(s) : 0;
    }
    if (digits > 1 && s.charAt(start) == '0' && (i == n || s.charAt(i) != '.')) {
      return 0; // a leading zero: a code such as a ZIP, not a number
    }
    if (i == n) {
      longValue = neg ? -v : v;
      doubleValue = longValue;
      return longValue >= Integer.MIN_VALUE && longValue <= Integer.MAX_VALUE ? INT : LONG;
    }
    if (s.charAt(i) == '.') {
      int f = i + 1;
      int j = f;
      while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
        j++;
      }
      if (j == n && j > f) {
        intDigits = digits;
        scale = j - f;
        doubleValue = Double.parseDouble(s);
        return DECIMAL;
      }
    }
    return maybeDouble(s);
  }

  private int maybeDouble(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
        return 0;
      }
    }
    try {
      doubleValue = Double.parseDouble(s);
      return Double.isFinite(doubleValue) ? DOUBLE : 0;
    } catch (NumberFormatException e) {
      return 0; // text that looks numeric but is not: it is a string
    }
  }

  private int temporal(String s, int n, int y, int m, int d) {
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
      return STRING;
    }
    long day = java.time.LocalDate.of(y, m, d).toEpochDay();
    if (n == 10) {
      micros = day * 86_400_000_000L;
      return DATE;
    }
    char sep = s.charAt(10);
    if ((sep != 'T' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
      return STRING;
    }
    int hh = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    int ss = 0;
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      if (n < 19) {
        return STRING;
      }
      ss = digits(s, 17, 2);
      i = 19;
    }
    if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) {
      return STRING;
    }
    long frac = 0;
    if (i == 19 && i < n && s.charAt(i) == '.') {
      int f = ++i;
      while (i < n && i - f < 6 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        frac = frac * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == f) {
        return STRING;
      }
      for (int k = i - f; k < 6; k++) {
        frac *= 10;
      }
    }
    long offsetMinutes = 0;
    if (i < n && s.charAt(i) == 'Z' && i + 1 == n) {
      i++;
    } else if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      int sign = s.charAt(i) == '-' ? -1 : 1;
      int rest = n - i - 1;
      int oh;
      int om = 0;
      if (rest == 2) {
        oh = digits(s, i + 1, 2);
      } else if (rest == 4) {
        oh = digits(s, i + 1, 2);
        om = digits(s, i + 3, 2);
      } else if (rest == 5 && s.charAt(i + 3) == ':') {
        oh = digits(s, i + 1, 2);
        om = digits(s, i + 4, 2);
      } else {
        return STRING;
      }
      if (oh < 0 || oh > 18 || om < 0 || om > 59) {
        return STRING;
      }
      offsetMinutes = sign * (oh * 60L + om);
      i = n;
    }
    if (i != n) {
      return STRING;
    }
    micros = day * 86_400_000_000L + ((hh * 60L + mi - offsetMinutes) * 60 + ss) * 1_000_000L + frac;
    return TIMESTAMP;
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
