package io.synthgen.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The function registry: every function the language knows, by lower-case name. */
final class Functions {

  static final Map<String, FunctionDef> ALL;

  static {
    Map<String, FunctionDef> m = new LinkedHashMap<>();
    for (List<FunctionDef> family : List.of(ConditionalFunctions.defs(), MathFunctions.defs(),
        StringFunctions.defs(), DateFunctions.defs(), RandomFunctions.defs(), GeoFunctions.defs())) {
      for (FunctionDef d : family) {
        if (m.put(d.name(), d) != null) {
          throw new IllegalStateException("function " + d.name() + " is defined twice");
        }
      }
    }
    ALL = Collections.unmodifiableMap(m);
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
