package io.synthgen.server.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * One call of a tool: its arguments, the owner key of the caller's session (see {@code PlanStore}), and what the
 * client offers: progress reporting and elicitation, each absent when the client did not ask for or support it.
 *
 * <p>Numeric arguments are read strictly, here and nowhere else: a whole number (or a finite number) within the
 * argument's documented range, else an {@code invalid_argument} error naming the argument, quoting the value as sent
 * and giving the range. Nothing is wrapped, truncated, rounded or clamped.
 */
public record ToolCall(JsonNode args, String owner, ProgressSink progress, Elicitor elicitor) {

  /** The highest plan version a call can name (versions are counted in an int); 0 or absent means the latest. */
  public static final int MAX_VERSION = Integer.MAX_VALUE;

  /** The highest tier a call can ask for (tiers are 1, 2 and 3; 0 or absent lets synthgen decide). */
  public static final int MAX_TIER = 3;

  /** How many characters of a refused value an error quotes. */
  static final int MAX_QUOTED_CHARS = 60;

  /** Digits beyond which a decimal value is refused without expanding it (far above any argument's range). */
  private static final int MAX_INTEGER_DIGITS = 40;

  public ToolCall {
    args = args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args;
  }

  public static ToolCall of(JsonNode args, String owner) {
    return new ToolCall(args, owner, null, null);
  }

  public Optional<ProgressSink> progressSink() {
    return Optional.ofNullable(progress);
  }

  public Optional<Elicitor> elicitation() {
    return Optional.ofNullable(elicitor);
  }

  public String string(String field) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * A whole-number argument within {@code [min, max]}, or {@code dflt} when it is absent or null.
   *
   * @throws ToolError {@code invalid_argument} when it is not a whole number in range
   */
  public long whole(String field, long min, long max, long dflt) throws ToolError {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? dflt : whole(v, field, min, max);
  }

  /** {@link #whole(String, long, long, long)} for an argument whose range fits an int. */
  public int wholeInt(String field, int min, int max, int dflt) throws ToolError {
    return (int) whole(field, min, max, dflt);
  }

  /** The plan version asked for: 1 to {@link #MAX_VERSION}, or 0 (the latest) when absent. */
  public int version() throws ToolError {
    return wholeInt("version", 1, MAX_VERSION, 0);
  }

  /**
   * A number argument (fractions allowed) within {@code [min, max]}, or {@code dflt} when it is absent or null.
   *
   * @throws ToolError {@code invalid_argument} when it is not a finite number in range
   */
  public double number(String field, double min, double max, double dflt) throws ToolError {
    JsonNode v = args.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    double d = v.isNumber() ? v.doubleValue() : Double.NaN;
    if (!Double.isFinite(d) || d < min || d > max) {
      throw invalid(field, v, "a number from " + plain(min) + " to " + plain(max));
    }
    return d;
  }

  /**
   * The strict reader of one whole-number value, also for values nested in an argument ({@code name} is then its
   * path, such as {@code operations[2].tier}). A number with a zero fraction ({@code 5.0}) is whole; anything else
   * (a fraction, a string, a value beyond the range however large) is refused.
   *
   * @throws ToolError {@code invalid_argument} naming {@code name}, the value as sent and the range
   */
  public static long whole(JsonNode v, String name, long min, long max) throws ToolError {
    BigInteger n = v == null ? null : exactInteger(v);
    if (n == null || n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
      throw invalid(name, v, "a whole number from " + min + " to " + max);
    }
    return n.longValueExact();
  }

  private static BigInteger exactInteger(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue();
    }
    if (!v.isFloatingPointNumber() || (!v.isBigDecimal() && !Double.isFinite(v.doubleValue()))) {
      return null;
    }
    BigDecimal d = v.decimalValue();
    if (d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
      return null;
    }
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static ToolError invalid(String name, JsonNode v, String range) {
    String sent = v == null ? "nothing" : v.toString();
    if (sent.length() > MAX_QUOTED_CHARS) {
      sent = sent.substring(0, MAX_QUOTED_CHARS) + "…";
    }
    return new ToolError("invalid_argument", "the argument " + name + " must be " + range + "; got " + sent,
        "call again with " + name + " as " + range + "");
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  public boolean bool(String field) {
    return args.path(field).asBoolean(false);
  }

  /** A required string argument; the input schema already requires it, this guards direct callers. */
  public String require(String field) throws ToolError {
    String v = string(field);
    if (v == null || v.isEmpty()) {
      throw new ToolError("missing_argument", "the argument " + field + " is required", "call again with " + field);
    }
    return v;
  }
}
