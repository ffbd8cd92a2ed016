package io.synthgen.dictionary;

import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;

/**
 * Composers of the dictionaries added for inference from context: store names, invented brand names and lorem
 * sentences. Each value is a pure function of its draws, like every other composite.
 */
final class Invented {

  /** Fewest and most words of a sentence. */
  static final int SENTENCE_MIN_WORDS = 4;
  static final int SENTENCE_MAX_WORDS = 12;

  private Invented() {
  }

  /** "Hansen Market", "North Kendra Outlet", "Lakeville Depot": a place-like name and a kind of shop. */
  static void store(StrDict first, StrDict last, StrDict prefix, StrDict suffix, StrDict kind, Stream[] p, long h,
      StringBuilder b) {
    int shape = (int) Stream.below(p[0].bits(h), 3);
    switch (shape) {
      case 0:
        b.append(Dictionaries.pick(last, p[1], h));
        break;
      case 1:
        b.append(Dictionaries.pick(prefix, p[2], h)).append(' ').append(Dictionaries.pick(first, p[3], h));
        break;
      default:
        b.append(Dictionaries.pick(last, p[1], h)).append(Dictionaries.pick(suffix, p[4], h));
    }
    b.append(' ').append(Dictionaries.pick(kind, p[5], h));
  }

  /** "Novalux", "Cedarworks": two parts joined, the second in lower case. */
  static void brand(StrDict head, StrDict tail, Stream[] p, long h, StringBuilder b) {
    b.append(Dictionaries.pick(head, p[0], h)).append(Dictionaries.pick(tail, p[1], h));
  }

  /** "Consequatur aut perferendis alias.": 4 to 12 lorem words, the first capitalised. */
  static void sentence(StrDict words, Stream[] p, long h, StringBuilder b) {
    int n = SENTENCE_MIN_WORDS + (int) Stream.below(p[0].bits(h), SENTENCE_MAX_WORDS - SENTENCE_MIN_WORDS + 1);
    for (int i = 0; i < n; i++) {
      String w = Dictionaries.pick(words, p[1 + i], h);
      if (i == 0) {
        b.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
      } else {
        b.append(' ').append(w);
      }
    }
    b.append('.');
  }

  /** {@link #sentence} in SQL: all twelve words drawn, the first n kept. */
  static String sentenceSql(StrDict words, String[] bits, io.synthgen.sql.SqlScope scope) {
    String n = SENTENCE_MIN_WORDS + " + " + ComposeSql.belowSql(bits[0], SENTENCE_MAX_WORDS - SENTENCE_MIN_WORDS + 1);
    java.util.List<String> w = new java.util.ArrayList<>();
    for (int i = 0; i < SENTENCE_MAX_WORDS; i++) {
      String word = ComposeSql.pickSql(words, "lorem_words", bits[1 + i], scope);
      w.add(i == 0 ? "concat(upper(substr(" + word + ", 1, 1)), substr(" + word + ", 2))" : word);
    }
    return "concat(array_join(slice(array(" + String.join(", ", w) + "), 1, " + n + "), ' '), '.')";
  }

  /** Draws a sentence needs: its length and one per word. */
  static int sentenceDraws() {
    return 1 + SENTENCE_MAX_WORDS;
  }
}
