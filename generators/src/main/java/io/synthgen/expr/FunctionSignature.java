package io.synthgen.expr;

/**
 * A function of the expression language as callers see it: its name, the signature shown in messages and docs, the
 * family it belongs to ({@link #FAMILIES}), how many arguments it takes ({@code maxArgs} -1: any number from
 * {@code minArgs}) and whether it draws seeded random values.
 */
public record FunctionSignature(String name, String signature, String family, int minArgs, int maxArgs,
    boolean random) {

  /** The families, in the registry's order. */
  public static final java.util.List<String> FAMILIES = java.util.List.of("conditional", "math", "string", "date",
      "random", "geo");

  /** The argument count in words: "1 argument", "2 to 3 arguments", "at least 1 argument". */
  public String arity() {
    if (maxArgs == minArgs) {
      return minArgs == 1 ? "1 argument" : minArgs + " arguments";
    }
    return maxArgs < 0 ? "at least " + minArgs + (minArgs == 1 ? " argument" : " arguments")
        : minArgs + " to " + maxArgs + " arguments";
  }
}
