package io.synthgen.dictionary;

import io.synthgen.random.Stream;
import io.synthgen.vec.StrDict;
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

  private static volatile Dictionaries standard;

  private final Map<String, Dictionary> byName;

  private Dictionaries(Map<String, Dictionary> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The standard English dictionaries. */
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

  public Dictionary get(String name) {
    return byName.get(name);
  }

  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  public List<Dictionary> all() {
    return new ArrayList<>(byName.values());
  }

  private static Dictionaries build() {
    Map<String, Dictionary> m = new LinkedHashMap<>();
    StrDict male = dict(YamlLists.list("name", "male_first_name"));
    StrDict female = dict(YamlLists.list("name", "female_first_name"));
    List<String> firstAll = new ArrayList<>(male.values());
    firstAll.addAll(female.values());
    StrDict first = dict(distinct(firstAll));
    StrDict last = dict(YamlLists.list("name", "last_name"));
    StrDict streetSuffix = dict(YamlLists.list("address", "street_suffix"));
    StrDict cityPrefix = dict(YamlLists.list("address", "city_prefix"));
    StrDict citySuffix = dict(YamlLists.list("address", "city_suffix"));
    StrDict companySuffix = dict(YamlLists.list("company", "suffix"));
    StrDict adjective = dict(YamlLists.list("commerce", "product_name", "adjective"));
    StrDict material = dict(YamlLists.list("commerce", "product_name", "material"));
    StrDict product = dict(YamlLists.list("commerce", "product_name", "product"));
    StrDict seniority = dict(YamlLists.list("job", "seniority"));
    StrDict field = dict(YamlLists.list("job", "field"));
    StrDict position = dict(YamlLists.list("job", "position"));

    list(m, "first_name", "first names, male and female", first);
    list(m, "male_first_name", "male first names", male);
    list(m, "female_first_name", "female first names", female);
    list(m, "last_name", "last names", last);
    list(m, "name_prefix", "Mr., Mrs., Ms., Miss, Dr.", dict(YamlLists.list("name", "prefix")));
    list(m, "name_suffix", "Jr., Sr., II, MD, PhD ...", dict(YamlLists.list("name", "suffix")));
    list(m, "street_suffix", "Street, Avenue, Court ...", streetSuffix);
    list(m, "city_prefix", "North, East, New, Port ...", cityPrefix);
    list(m, "city_suffix", "town, ton, land, ville ...", citySuffix);
    list(m, "state", "US state names", dict(YamlLists.list("address", "state")));
    list(m, "state_abbr", "US state abbreviations", dict(YamlLists.list("address", "state_abbr")));
    list(m, "country", "country names", dict(YamlLists.list("address", "country")));
    list(m, "company_suffix", "Inc, LLC, Group, and Sons", companySuffix);
    list(m, "department", "retail departments (Books, Garden, Toys ...)", dict(YamlLists.list("commerce", "department")));
    list(m, "brand", "consumer brands", dict(YamlLists.list("commerce", "brand")));
    list(m, "product_adjective", "Small, Ergonomic, Rustic ...", adjective);
    list(m, "product_material", "Steel, Wooden, Cotton ...", material);
    list(m, "product_noun", "Chair, Car, Computer ...", product);
    list(m, "job_field", "Marketing, IT, Accounting ...", field);
    list(m, "job_position", "Supervisor, Associate, Executive ...", position);
    list(m, "medicine_name", "medicine names", dict(YamlLists.list("medical", "medicine_name")));
    list(m, "disease_name", "disease names", dict(YamlLists.list("medical", "disease_name")));
    list(m, "hospital_name", "hospital names", dict(YamlLists.list("medical", "hospital_name")));

    composite(m, "full_name", "first and last name", 0, (p, h) -> pick(first, p[0], h) + " " + pick(last, p[1], h), 2);
    composite(m, "street_name", "a first or last name and a street suffix", 0,
        (p, h) -> streetName(first, last, streetSuffix, p, h, 0), 3);
    composite(m, "street_address", "building number and street name, e.g. 4821 Maple Court", 0,
        (p, h) -> buildingNumber(p[3], h) + " " + streetName(first, last, streetSuffix, p, h, 0), 4);
    composite(m, "city", "city names in datafaker's four shapes (pool of 2,000 per column)", 2000,
        (p, h) -> city(first, last, cityPrefix, citySuffix, p, h), 5);
    composite(m, "company", "company names: Smith LLC, Jones-Brown, Lee, Park and Gray (pool of 5,000)", 5000,
        (p, h) -> company(last, companySuffix, p, h), 5);
    composite(m, "product_name", "adjective, material and product, e.g. Rustic Steel Chair", 0,
        (p, h) -> pick(adjective, p[0], h) + " " + pick(material, p[1], h) + " " + pick(product, p[2], h), 3);
    composite(m, "job_title", "seniority, field and position, e.g. Senior Marketing Associate", 0,
        (p, h) -> pick(seniority, p[0], h) + " " + pick(field, p[1], h) + " " + pick(position, p[2], h), 3);
    composite(m, "phone_number", "US phone number (NXX) NXX-XXXX", 0, (p, h) -> phone(p, h), 3);
    return new Dictionaries(m);
  }

  private static StrDict dict(List<String> values) {
    return new StrDict(distinct(values));
  }

  private static List<String> distinct(List<String> values) {
    return List.copyOf(new java.util.LinkedHashSet<>(values));
  }

  private static void list(Map<String, Dictionary> m, String name, String description, StrDict d) {
    m.put(name, new Dictionary(name, description + " (" + d.size() + ")", d));
  }

  private static void composite(Map<String, Dictionary> m, String name, String description, int pool,
      ComposeFn fn, int draws) {
    m.put(name, new Dictionary(name, description, new Composer() {
      @Override
      public String compose(Stream[] parts, long rowHash) {
        return fn.compose(parts, rowHash);
      }

      @Override
      public int draws() {
        return draws;
      }
    }, pool));
  }

  @FunctionalInterface
  private interface ComposeFn {
    String compose(Stream[] parts, long rowHash);
  }

  static String pick(StrDict d, Stream s, long rowHash) {
    return d.get((int) Stream.below(s.bits(rowHash), d.size()));
  }

  private static String streetName(StrDict first, StrDict last, StrDict suffix, Stream[] p, long h, int k) {
    long bits = p[k].bits(h);
    StrDict names = (bits & 1) == 0 ? first : last;
    return names.get((int) Stream.below(bits, names.size())) + " " + pick(suffix, p[k + 1], h);
  }

  private static String buildingNumber(Stream s, long h) {
    long bits = s.bits(h);
    int digits = 3 + (int) Stream.below(bits, 3);
    long lo = digits == 3 ? 100 : digits == 4 ? 1000 : 10000;
    return Long.toString(lo + Stream.below(bits * 0x9E3779B97F4A7C15L, lo * 9));
  }

  private static String city(StrDict first, StrDict last, StrDict prefix, StrDict suffix, Stream[] p, long h) {
    int shape = (int) Stream.below(p[0].bits(h), 4);
    switch (shape) {
      case 0: return pick(prefix, p[1], h) + " " + pick(first, p[2], h) + pick(suffix, p[3], h);
      case 1: return pick(prefix, p[1], h) + " " + pick(first, p[2], h);
      case 2: return pick(first, p[2], h) + pick(suffix, p[3], h);
      default: return pick(last, p[4], h) + pick(suffix, p[3], h);
    }
  }

  private static String company(StrDict last, StrDict suffix, Stream[] p, long h) {
    int shape = (int) Stream.below(p[0].bits(h), 3);
    switch (shape) {
      case 0: return pick(last, p[1], h) + " " + pick(suffix, p[2], h);
      case 1: return pick(last, p[1], h) + "-" + pick(last, p[3], h);
      default: return pick(last, p[1], h) + ", " + pick(last, p[3], h) + " and " + pick(last, p[4], h);
    }
  }

  private static String phone(Stream[] p, long h) {
    long area = 200 + Stream.below(p[0].bits(h), 800);
    long exchange = 200 + Stream.below(p[1].bits(h), 800);
    long line = Stream.below(p[2].bits(h), 10000);
    char[] c = new char[14];
    c[0] = '(';
    put3(c, 1, area);
    c[4] = ')';
    c[5] = ' ';
    put3(c, 6, exchange);
    c[9] = '-';
    c[10] = (char) ('0' + line / 1000);
    c[11] = (char) ('0' + line / 100 % 10);
    c[12] = (char) ('0' + line / 10 % 10);
    c[13] = (char) ('0' + line % 10);
    return new String(c);
  }

  private static void put3(char[] c, int at, long v) {
    c[at] = (char) ('0' + v / 100);
    c[at + 1] = (char) ('0' + v / 10 % 10);
    c[at + 2] = (char) ('0' + v % 10);
  }
}
