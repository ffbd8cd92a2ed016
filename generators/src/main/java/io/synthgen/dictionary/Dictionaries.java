package io.synthgen.dictionary;

import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;
import io.synthgen.vec.Utf8Builder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionaries a plan can name, built from datafaker's English word lists. Loaded once, immutable, shared.
 * {@code docs/dictionaries.md} lists them and is checked against {@link #names()} by a test.
 */
public final class Dictionaries {

  /** The locale of the word lists every dictionary is built from: datafaker's English data (US addresses, phones). */
  public static final String LOCALE = "en";

  private static volatile Dictionaries standard;
  private static final Map<String, StrDict> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, java.util.function.Supplier<Dictionary>> factories;
  private final Map<String, Dictionary> built = new java.util.concurrent.ConcurrentHashMap<>();

  private Dictionaries(Map<String, java.util.function.Supplier<Dictionary>> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  /** The standard English dictionaries; word lists are read on first use of a dictionary that needs them. */
  public static Dictionaries standard() {
    Dictionaries d = standard;
    if (d == null) {
      synchronized (Dictionaries.class) {
        d = standard;
        if (d == null) {
          d = build();
          standard = d;
        }
      }
    }
    return d;
  }

  /** The dictionary, or null when there is none of that name. */
  public Dictionary get(String name) {
    java.util.function.Supplier<Dictionary> f = factories.get(name);
    return f == null ? null : built.computeIfAbsent(name, n -> f.get());
  }

  public List<String> names() {
    return new ArrayList<>(factories.keySet());
  }

  /** Every dictionary, loading all word lists. */
  public List<Dictionary> all() {
    List<Dictionary> out = new ArrayList<>();
    for (String n : factories.keySet()) {
      out.add(get(n));
    }
    return out;
  }

  /** A word list of datafaker's English data, read once: {@code words("name", "last_name")}. */
  static StrDict words(String... path) {
    return WORDS.computeIfAbsent(String.join(".", path), k -> {
      if (path.length == 1) {
        throw new IllegalArgumentException(k);
      }
      String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
      return dict(YamlLists.list(path[0], rest));
    });
  }

  static StrDict firstNames() {
    return WORDS.computeIfAbsent("first_name", k -> {
      List<String> all = new ArrayList<>(words("name", "male_first_name").values());
      all.addAll(words("name", "female_first_name").values());
      return dict(all);
    });
  }

  private static Dictionaries build() {
    Map<String, java.util.function.Supplier<Dictionary>> m = new LinkedHashMap<>();
    list(m, "first_name", "first names, male and female", Dictionaries::firstNames);
    list(m, "male_first_name", "male first names", () -> words("name", "male_first_name"));
    list(m, "female_first_name", "female first names", () -> words("name", "female_first_name"));
    list(m, "last_name", "last names", () -> words("name", "last_name"));
    list(m, "name_prefix", "Mr., Mrs., Ms., Miss, Dr.", () -> words("name", "prefix"));
    list(m, "name_suffix", "Jr., Sr., II, MD, PhD ...", () -> words("name", "suffix"));
    list(m, "street_suffix", "Street, Avenue, Court ...", () -> words("address", "street_suffix"));
    list(m, "city_prefix", "North, East, New, Port ...", () -> words("address", "city_prefix"));
    list(m, "city_suffix", "town, ton, land, ville ...", () -> words("address", "city_suffix"));
    list(m, "state", "US state names", () -> words("address", "state"));
    list(m, "state_abbr", "US state abbreviations", () -> words("address", "state_abbr"));
    list(m, "country", "country names", () -> words("address", "country"));
    list(m, "company_suffix", "Inc, LLC, Group, and Sons", () -> words("company", "suffix"));
    list(m, "department", "retail departments (Books, Garden, Toys ...)", () -> words("commerce", "department"));
    list(m, "brand", "consumer brands", () -> words("commerce", "brand"));
    list(m, "product_adjective", "Small, Ergonomic, Rustic ...", () -> words("commerce", "product_name", "adjective"));
    list(m, "product_material", "Steel, Wooden, Cotton ...", () -> words("commerce", "product_name", "material"));
    list(m, "product_noun", "Chair, Car, Computer ...", () -> words("commerce", "product_name", "product"));
    list(m, "job_field", "Marketing, IT, Accounting ...", () -> words("job", "field"));
    list(m, "job_position", "Supervisor, Associate, Executive ...", () -> words("job", "position"));
    list(m, "medicine_name", "medicine names", () -> words("medical", "medicine_name"));
    list(m, "disease_name", "disease names", () -> words("medical", "disease_name"));
    list(m, "hospital_name", "hospital names", () -> words("medical", "hospital_name"));

    compositeUtf8(m, "full_name", "first and last name", 0, 2, () -> {
      StrDict first = firstNames();
      StrDict last = words("name", "last_name");
      return (p, h, b) -> b.append(pickUtf8(first, p[0], h)).append(' ').append(pickUtf8(last, p[1], h));
    }, () -> (x, s) -> "concat(" + ComposeSql.pickSql(firstNames(), "first_name", x[0], s) + ", ' ', "
        + ComposeSql.pickSql(words("name", "last_name"), "last_name", x[1], s) + ")");
    compositeUtf8(m, "street_name", "a first or last name and a street suffix", 0, 3, () -> {
      StrDict first = firstNames();
      StrDict last = words("name", "last_name");
      StrDict suffix = words("address", "street_suffix");
      return (p, h, b) -> streetName(first, last, suffix, p, h, 0, b);
    }, () -> (x, s) -> ComposeSql.streetNameSql(x, 0, s));
    compositeUtf8(m, "street_address", "building number and street name, e.g. 4821 Maple Court", 0, 4, () -> {
      StrDict first = firstNames();
      StrDict last = words("name", "last_name");
      StrDict suffix = words("address", "street_suffix");
      return (p, h, b) -> streetName(first, last, suffix, p, h, 0, buildingNumber(p[3], h, b).append(' '));
    }, () -> (x, s) -> "concat(" + ComposeSql.buildingNumberSql(x[3]) + ", ' ', " + ComposeSql.streetNameSql(x, 0, s)
        + ")");
    composite(m, "city", "city names in datafaker's four shapes (pool of 2,000 per column)", 2000, 5, () -> {
      StrDict first = firstNames();
      StrDict last = words("name", "last_name");
      StrDict prefix = words("address", "city_prefix");
      StrDict suffix = words("address", "city_suffix");
      return (p, h, b) -> city(first, last, prefix, suffix, p, h, b);
    });
    composite(m, "company", "company names: Smith LLC, Jones-Brown, Lee, Park and Gray (pool of 5,000)", 5000, 5,
        () -> {
          StrDict last = words("name", "last_name");
          StrDict suffix = words("company", "suffix");
          return (p, h, b) -> company(last, suffix, p, h, b);
        });
    compositeUtf8(m, "product_name", "adjective, material and product, e.g. Rustic Steel Chair", 0, 3, () -> {
      StrDict adjective = words("commerce", "product_name", "adjective");
      StrDict material = words("commerce", "product_name", "material");
      StrDict product = words("commerce", "product_name", "product");
      return (p, h, b) -> b.append(pickUtf8(adjective, p[0], h)).append(' ').append(pickUtf8(material, p[1], h))
          .append(' ').append(pickUtf8(product, p[2], h));
    }, () -> (x, s) -> "concat("
        + ComposeSql.pickSql(words("commerce", "product_name", "adjective"), "product_adjective", x[0], s) + ", ' ', "
        + ComposeSql.pickSql(words("commerce", "product_name", "material"), "product_material", x[1], s) + ", ' ', "
        + ComposeSql.pickSql(words("commerce", "product_name", "product"), "product_noun", x[2], s) + ")");
    compositeUtf8(m, "job_title", "seniority, field and position, e.g. Senior Marketing Associate", 0, 3, () -> {
      StrDict seniority = words("job", "seniority");
      StrDict field = words("job", "field");
      StrDict position = words("job", "position");
      return (p, h, b) -> b.append(pickUtf8(seniority, p[0], h)).append(' ').append(pickUtf8(field, p[1], h))
          .append(' ').append(pickUtf8(position, p[2], h));
    }, () -> (x, s) -> "concat(" + ComposeSql.pickSql(words("job", "seniority"), "job_seniority", x[0], s) + ", ' ', "
        + ComposeSql.pickSql(words("job", "field"), "job_field", x[1], s) + ", ' ', "
        + ComposeSql.pickSql(words("job", "position"), "job_position", x[2], s) + ")");
    compositeUtf8(m, "phone_number", "US phone number (NXX) NXX-XXXX", 0, 3, () -> Dictionaries::phone,
        () -> (x, s) -> ComposeSql.phoneSql(x));
    // added for inference from context; appended so that the dictionaries above keep their order and bytes
    list(m, "product_category", "product categories: Electronics, Home & Kitchen, Toys & Games ...",
        () -> dict(WordFiles.read("product_category")));
    composite(m, "store_name", "store names: Hansen Market, North Kendra Outlet ... (pool of 2,000)", 2000, 6, () -> {
      StrDict first = firstNames();
      StrDict last = words("name", "last_name");
      StrDict prefix = words("address", "city_prefix");
      StrDict suffix = words("address", "city_suffix");
      StrDict kind = dict(WordFiles.read("store_kind"));
      return (p, h, b) -> Invented.store(first, last, prefix, suffix, kind, p, h, b);
    });
    composite(m, "brand_name", "invented brand names: Novalux, Cedarworks ... (pool of 1,000)", 1000, 2, () -> {
      StrDict head = dict(WordFiles.read("brand_head"));
      StrDict tail = dict(WordFiles.read("brand_tail"));
      return (p, h, b) -> Invented.brand(head, tail, p, h, b);
    });
    composite(m, "sentence", "a sentence of 4 to 12 lorem ipsum words", 0, Invented.sentenceDraws(), () -> {
      StrDict words = words("lorem", "words");
      return (p, h, b) -> Invented.sentence(words, p, h, b);
    }, () -> (x, s) -> Invented.sentenceSql(words("lorem", "words"), x, s));
    return new Dictionaries(m);
  }

  private static StrDict dict(List<String> values) {
    return new StrDict(distinct(values));
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new java.util.LinkedHashSet<>(values));
  }

  private static void list(Map<String, java.util.function.Supplier<Dictionary>> m, String name,
      String description, java.util.function.Supplier<StrDict> words) {
    m.put(name, () -> {
      StrDict d = words.get();
      return new Dictionary(name, description + " (" + d.size() + ")", d);
    });
  }

  /** A pooled composite: its values are its pool, so it needs no SQL of its own. */
  private static void composite(Map<String, java.util.function.Supplier<Dictionary>> m, String name,
      String description, int pool, int draws, java.util.function.Supplier<ComposeFn> fn) {
    composite(m, name, description, pool, draws, fn, null);
  }

  private static void composite(Map<String, java.util.function.Supplier<Dictionary>> m, String name,
      String description, int pool, int draws, java.util.function.Supplier<ComposeFn> fn,
      java.util.function.Supplier<SqlComposeFn> sql) {
    if (pool == 0 && sql == null) {
      throw new IllegalArgumentException("composite dictionary " + name + " needs its SQL");
    }
    m.put(name, () -> {
      ComposeFn f = fn.get();
      SqlComposeFn q = sql == null ? null : sql.get();
      return new Dictionary(name, description, new Composer() {
        @Override
        public void compose(Stream[] parts, long rowHash, StringBuilder out) {
          f.compose(parts, rowHash, out);
        }

        @Override
        public String sql(String[] bits, io.synthgen.sql.SqlScope scope) {
          return q == null ? Composer.super.sql(bits, scope) : q.sql(bits, scope);
        }

        @Override
        public int draws() {
          return draws;
        }
      }, pool);
    });
  }

  /**
   * A composite written straight as UTF-8 bytes (the hot path of full runs); its string form, used for pools and
   * previews, decodes them.
   */
  private static void compositeUtf8(Map<String, java.util.function.Supplier<Dictionary>> m, String name,
      String description, int pool, int draws, java.util.function.Supplier<Utf8ComposeFn> fn,
      java.util.function.Supplier<SqlComposeFn> sql) {
    m.put(name, () -> {
      Utf8ComposeFn f = fn.get();
      SqlComposeFn q = sql.get();
      return new Dictionary(name, description, new Composer() {
        @Override
        public String sql(String[] bits, io.synthgen.sql.SqlScope scope) {
          return q.sql(bits, scope);
        }

        @Override
        public void compose(Stream[] parts, long rowHash, StringBuilder out) {
          Utf8Builder one = new Utf8Builder(1, 32);
          f.compose(parts, rowHash, one);
          out.append(one.pendingString());
        }

        @Override
        public void composeUtf8(Stream[] parts, long rowHash, Utf8Builder out, StringBuilder scratch) {
          f.compose(parts, rowHash, out);
        }

        @Override
        public int draws() {
          return draws;
        }
      }, pool);
    });
  }

  @FunctionalInterface
  private interface ComposeFn {
    void compose(Stream[] parts, long rowHash, StringBuilder out);
  }

  /** A composite's value in SQL from the SQL of its parts' bits. */
  @FunctionalInterface
  private interface SqlComposeFn {
    String sql(String[] bits, io.synthgen.sql.SqlScope scope);
  }

  @FunctionalInterface
  private interface Utf8ComposeFn {
    void compose(Stream[] parts, long rowHash, Utf8Builder out);
  }

  static String pick(StrDict d, Stream s, long rowHash) {
    return d.get((int) Stream.below(s.bits(rowHash), d.size()));
  }

  static byte[] pickUtf8(StrDict d, Stream s, long rowHash) {
    return d.utf8((int) Stream.below(s.bits(rowHash), d.size()));
  }

  private static Utf8Builder streetName(StrDict first, StrDict last, StrDict suffix, Stream[] p, long h, int k,
      Utf8Builder b) {
    long bits = p[k].bits(h);
    StrDict names = (bits & 1) == 0 ? first : last;
    return b.append(names.utf8((int) Stream.below(bits, names.size()))).append(' ')
        .append(pickUtf8(suffix, p[k + 1], h));
  }

  private static Utf8Builder buildingNumber(Stream s, long h, Utf8Builder b) {
    long bits = s.bits(h);
    int digits = 3 + (int) Stream.below(bits, 3);
    long lo = digits == 3 ? 100 : digits == 4 ? 1000 : 10000;
    return b.append(lo + Stream.below(bits * 0x9E3779B97F4A7C15L, lo * 9));
  }

  private static void city(StrDict first, StrDict last, StrDict prefix, StrDict suffix, Stream[] p, long h,
      StringBuilder b) {
    int shape = (int) Stream.below(p[0].bits(h), 4);
    switch (shape) {
      case 0:
        b.append(pick(prefix, p[1], h)).append(' ').append(pick(first, p[2], h)).append(pick(suffix, p[3], h));
        break;
      case 1:
        b.append(pick(prefix, p[1], h)).append(' ').append(pick(first, p[2], h));
        break;
      case 2:
        b.append(pick(first, p[2], h)).append(pick(suffix, p[3], h));
        break;
      default:
        b.append(pick(last, p[4], h)).append(pick(suffix, p[3], h));
    }
  }

  private static void company(StrDict last, StrDict suffix, Stream[] p, long h, StringBuilder b) {
    int shape = (int) Stream.below(p[0].bits(h), 3);
    switch (shape) {
      case 0:
        b.append(pick(last, p[1], h)).append(' ').append(pick(suffix, p[2], h));
        break;
      case 1:
        b.append(pick(last, p[1], h)).append('-').append(pick(last, p[3], h));
        break;
      default:
        b.append(pick(last, p[1], h)).append(", ").append(pick(last, p[3], h)).append(" and ")
            .append(pick(last, p[4], h));
    }
  }

  private static void phone(Stream[] p, long h, Utf8Builder b) {
    long area = 200 + Stream.below(p[0].bits(h), 800);
    long exchange = 200 + Stream.below(p[1].bits(h), 800);
    long line = Stream.below(p[2].bits(h), 10000);
    b.append('(').append(area).append(") ").append(exchange).append('-');
    if (line < 1000) {
      b.append('0');
    }
    if (line < 100) {
      b.append('0');
    }
    if (line < 10) {
      b.append('0');
    }
    b.append(line);
  }
}
