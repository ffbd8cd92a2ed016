package io.synthgen.plan.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.Plan;
import io.synthgen.plan.PlanException;
import io.synthgen.plan.Violation;
import io.synthgen.plan.validate.PlanValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plan document format ({@value Plan#FORMAT}): strict JSON to and from the plan model.
 *
 * <p>Reading is strict and complete: unknown fields (with "did you mean"), wrong types, missing fields, unknown
 * strategy/distribution/enum ids and every semantic rule of {@link PlanValidator} are checked in one pass, and all
 * problems are thrown together as a {@link PlanException}. A plan that reads without an exception is valid.
 * Writing is deterministic (stable key order, defaults of column parameters left out) and
 * {@code read(write(p)).equals(p)} for every valid plan {@code p} whose values are Strings, Longs, Doubles and
 * Booleans (the types reading produces).
 */
public final class PlanCodec {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private PlanCodec() {
  }

  /** Reads and validates a plan; dictionary names are only checked to be non-empty. */
  public static Plan read(String json) throws PlanException {
    return read(json, null);
  }

  /**
   * Reads and validates a plan, also checking dictionary names against {@code knownDictionaries} (null: accept any
   * non-empty name).
   */
  public static Plan read(String json, Set<String> knownDictionaries) throws PlanException {
    return fromJson(parse(json), knownDictionaries);
  }

  /** Reads and validates a plan file (UTF-8; bytes that are not UTF-8 are a plan problem, not an I/O error). */
  public static Plan read(Path file) throws IOException, PlanException {
    return read(file, null);
  }

  /** Reads and validates a plan file (UTF-8), checking dictionary names as {@link #read(String, Set)} does. */
  public static Plan read(Path file, Set<String> knownDictionaries) throws IOException, PlanException {
    return read(utf8(Files.readAllBytes(file)), knownDictionaries);
  }

  /**
   * The text of UTF-8 bytes, or a violation at the document's root giving the offset and value of the first byte that
   * is not UTF-8.
   */
  public static String utf8(byte[] bytes) throws PlanException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isUnderflow()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      throw new PlanException(List.of(new Violation("$", at < bytes.length ? String.format("byte 0x%02X",
          bytes[at] & 0xFF) : "the end of the file", "the file is not valid UTF-8 at byte " + at,
          "save the plan as UTF-8 (JSON text is UTF-8); in an editor choose the UTF-8 encoding, or convert it with "
              + "iconv -t UTF-8")));
    }
    return out.flip().toString();
  }

  /** Decodes and validates a plan already parsed into a tree. */
  public static Plan fromJson(JsonNode root) throws PlanException {
    return fromJson(root, null);
  }

  /**
   * Decodes a plan tree without the semantic rules: the model, with placeholders where fields are wrong, and the
   * structural violations. For a caller that derives a field from the rest of the plan (a per_parent table's
   * expected rows) before reading the whole tree with {@link #fromJson(JsonNode, Set)}.
   */
  public static Decoded decode(JsonNode root) {
    PlanDecoder.Result r = PlanDecoder.decode(root);
    return new Decoded(r.plan(), r.violations());
  }

  /** A decoded plan tree and its structural violations; see {@link #decode(JsonNode)}. */
  public record Decoded(Plan plan, List<Violation> violations) {
  }

  /** Decodes and validates a plan tree; see {@link #read(String, Set)}. */
  public static Plan fromJson(JsonNode root, Set<String> knownDictionaries) throws PlanException {
    PlanDecoder.Result r = PlanDecoder.decode(root);
    List<Violation> all = new ArrayList<>(r.violations());
    List<Violation> semantic = knownDictionaries == null
        ? PlanValidator.validate(r.plan())
        : PlanValidator.validate(r.plan(), knownDictionaries);
    NavigableSet<String> reported = new TreeSet<>();
    for (Violation v : r.violations()) {
      reported.add(v.path());
    }
    for (Violation v : semantic) {
      if (!coveredBy(v, reported)) {
        all.add(v);
      }
    }
    if (!all.isEmpty()) {
      throw new PlanException(all);
    }
    return r.plan();
  }

  /**
   * Parses JSON text into a tree, or throws a single violation with the line and column of the syntax error.
   * Duplicate keys and content after the document are errors.
   */
  public static JsonNode parse(String json) throws PlanException {
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || n.isMissingNode()) {
        throw new PlanException(List.of(new Violation("$", null, "the document is empty",
            "write a plan object: {\"format\": \"" + Plan.FORMAT + "\", ...}")));
      }
      return n;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new PlanException(List.of(new Violation("$", null, "invalid JSON" + where + ": " + e.getOriginalMessage(),
          "fix the JSON syntax (quotes around keys and strings, commas between members, no trailing commas)")));
    }
  }

  /** The plan as a pretty, stable JSON document. */
  public static String write(Plan plan) {
    return JsonText.pretty(toJson(plan));
  }

  /** The plan as a JSON tree, in the order {@link #write} prints it. */
  public static ObjectNode toJson(Plan plan) {
    return PlanEncoder.plan(plan);
  }

  /** The parameters a column of {@code strategy} accepts besides the common column fields ({@link PlanFields}). */
  public static List<String> fieldsOf(String strategy) {
    List<String> f = PlanFields.STRATEGY.get(strategy);
    if (f == null) {
      throw new IllegalArgumentException("unknown strategy '" + strategy + "'; strategies are "
          + PlanFields.STRATEGY.keySet());
    }
    return f;
  }

  /**
   * True when the decoder already reported the problem: at the same path or inside it (the validator then sees a
   * placeholder), or, for a value the validator finds missing, inside that value (it was present but malformed).
   */
  private static boolean coveredBy(Violation semantic, NavigableSet<String> reported) {
    String path = semantic.path();
    if (reported.contains(path) || reported.contains("$")) {
      return true;
    }
    // the path's ancestors: its prefixes that end before a '.' or '[' (validator paths hold no names)
    for (int k = 0; k < path.length(); k++) {
      char c = path.charAt(k);
      if ((c == '.' || c == '[') && reported.contains(path.substring(0, k))) {
        return true;
      }
    }
    return semantic.value() == null && (startsWithSome(reported, path + ".") || startsWithSome(reported, path + "["));
  }

  /** True when some path of the sorted set starts with {@code prefix}: the first one not below it does. */
  private static boolean startsWithSome(NavigableSet<String> paths, String prefix) {
    String next = paths.ceiling(prefix);
    return next != null && next.startsWith(prefix);
  }
}
