package io.synthgen.expr;

/**
 * A function of the expression language: its name, the signature shown in messages and docs, how many arguments it
 * takes (maxArgs -1: any number from minArgs), whether it draws random values, and how it is compiled.
 */
record FunctionDef(String name, String signature, int minArgs, int maxArgs, boolean random, Builder builder) {

  interface Builder {
    Node build(Call call);
  }

  boolean accepts(int n) {
    return n >= minArgs && (maxArgs < 0 || n <= maxArgs);
  }

  String arity() {
    if (maxArgs == minArgs) {
      return minArgs == 1 ? "1 argument" : minArgs + " arguments";
    }
    return maxArgs < 0 ? "at least " + minArgs + " arguments" : minArgs + " to " + maxArgs + " arguments";
  }
}
