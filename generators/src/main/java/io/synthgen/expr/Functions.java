package io.synthgen.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The function registry: every function the language knows, by lower-case name. */
final class Functions {

  static final Map<String, FunctionDef> ALL;

  /** Every function's public signature, by name, in the order of {@link #ALL}. */
  static final Map<String, FunctionSignature> SIGNATURES;

  static {
    Map<String, FunctionDef> m = new LinkedHashMap<>();
    Map<String, FunctionSignature> sigs = new LinkedHashMap<>();
    List<List<FunctionDef>> families = List.of(ConditionalFunctions.defs(), MathFunctions.defs(),
        StringFunctions.defs(), DateFunctions.defs(), RandomFunctions.defs(), GeoFunctions.defs());
    for (int f = 0; f < families.size(); f++) {
      for (FunctionDef d : families.get(f)) {
        if (m.put(d.name(), d) != null) {
          throw new IllegalStateException("function " + d.name() + " is defined twice");
        }
        sigs.put(d.name(), new FunctionSignature(d.name(), d.signature(), FunctionSignature.FAMILIES.get(f),
            d.minArgs(), d.maxArgs(), d.random()));
      }
    }
    ALL = Collections.unmodifiableMap(m);
    SIGNATURES = Collections.unmodifiableMap(sigs);
  }

  private final Translator t;

  Functions(Translator t) {
    this.t = t;
  }

  static Set<String> names() {
    return ALL.keySet();
  }

  /** Compiles a call of a known function on already-compiled arguments (used for operator sugar like date + n). */
  Node call(String name, List<Node> args) {
    FunctionDef def = ALL.get(name);
    return t.build(def, args, null);
  }

  static FunctionDef.Builder unsupported() {
    return c -> c.problem("is not supported");
  }
}
