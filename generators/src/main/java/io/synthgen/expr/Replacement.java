package io.synthgen.expr;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Java's {@code Matcher.replaceAll} replacement syntax, checked when compiling: {@code $n} and {@code ${name}} must
 * name groups the pattern has (Java only fails on them when a match happens, so a plan could pass and then fail
 * on the first matching row), {@code \} escapes the next character.
 */
final class Replacement {

  private Replacement() {
  }

  /** The problem with {@code rep} for {@code p}, or null when every group it names exists. */
  static String check(String rep, Pattern p) {
    int groups = p.matcher("").groupCount();
    Set<String> names = namedGroups(p.pattern());
    for (int i = 0; i < rep.length(); i++) {
      char ch = rep.charAt(i);
      if (ch == '\\') {
        if (++i == rep.length()) {
          return "the replacement '" + shorten(rep) + "' ends with a lone \\; write \\\\ for a backslash";
        }
      } else if (ch == '$') {
        if (++i == rep.length()) {
          return "the replacement '" + shorten(rep) + "' ends with a lone $; write \\$ for a dollar sign";
        }
        char next = rep.charAt(i);
        if (next == '{') {
          int end = rep.indexOf('}', i);
          String name = end < 0 ? rep.substring(i + 1) : rep.substring(i + 1, end);
          if (end < 0 || !names.contains(name)) {
            return "the replacement names group ${" + shorten(name) + "}, but the regular expression '"
                + shorten(p.pattern()) + "' has " + (names.isEmpty() ? "no named groups"
                : "named groups " + String.join(", ", names)) + "; name a group as (?<name>...) or write \\$ for a "
                + "dollar sign";
          }
          i = end;
        } else if (next >= '0' && next <= '9') {
          int group = next - '0';
          if (group > groups) {
            return "the replacement refers to group $" + group + ", but the regular expression '"
                + shorten(p.pattern()) + "' has " + groups + (groups == 1 ? " group" : " groups")
                + "; use $0 to $" + groups + ", or write \\$ for a dollar sign";
          }
          // Java reads further digits while the number stays a group of the pattern
          while (i + 1 < rep.length() && Character.isDigit(rep.charAt(i + 1))
              && group * 10 + (rep.charAt(i + 1) - '0') <= groups) {
            group = group * 10 + (rep.charAt(++i) - '0');
          }
        } else {
          return "the replacement '" + shorten(rep) + "' has $ followed by '" + next + "'; groups are $1 or "
              + "${name}, and a dollar sign is written \\$";
        }
      }
    }
    return null;
  }

  /** Characters of the replacement other than group references. */
  static long literalLength(String rep) {
    long n = 0;
    for (int i = 0; i < rep.length(); i++) {
      char ch = rep.charAt(i);
      if (ch == '\\') {
        i++;
        n++;
      } else if (ch == '$') {
        while (i + 1 < rep.length() && (Character.isLetterOrDigit(rep.charAt(i + 1)) || rep.charAt(i + 1) == '{'
            || rep.charAt(i + 1) == '}')) {
          i++;
        }
      } else {
        n++;
      }
    }
    return n;
  }

  /** How many group references the replacement holds; each inserts at most the input's length. */
  static long groupReferences(String rep) {
    long n = 0;
    for (int i = 0; i < rep.length(); i++) {
      char ch = rep.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == '$') {
        n++;
      }
    }
    return n;
  }

  /** Names of the pattern's named groups, {@code (?<name>...)}, outside escapes. */
  static Set<String> namedGroups(String regex) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < regex.length(); i++) {
      char ch = regex.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (regex.startsWith("(?<", i) && i + 3 < regex.length() && Character.isLetter(regex.charAt(i + 3))) {
        int end = regex.indexOf('>', i + 3);
        if (end > 0) {
          names.add(regex.substring(i + 3, end));
        }
      }
    }
    return names;
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
