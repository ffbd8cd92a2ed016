package io.synthgen.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.expr.ExprCompiler;
import io.synthgen.expr.FunctionSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression language: every function of the compiler's registry ({@link ExprCompiler#functions()}) with its
 * signature, and the operators. Examples are expressions over the example plan's {@code orders} table, which reads
 * {@code customers} through its foreign key.
 */
final class ExpressionEntries {

  /** The table whose columns function and operator examples read. */
  static final String TABLE = "orders";

  private ExpressionEntries() {
  }

  static List<Entry> functions(VocabularyData data) {
    List<FunctionSignature> functions = ExprCompiler.functions();
    List<String> names = new ArrayList<>();
    functions.forEach(f -> names.add(f.name()));
    JsonNode section = data.section("functions", names);
    List<Entry> out = new ArrayList<>();
    for (FunctionSignature f : functions) {
      if (!section.has(f.name())) {
        continue; // recorded by section()
      }
      JsonNode e = VocabularyData.entry(section, f.name());
      String where = "function " + f.name();
      String example = data.text(e, "example", where);
      ObjectNode s = PlanEntries.object();
      s.put("name", f.name());
      s.put("signature", f.signature());
      s.put("description", data.text(e, "description", where));
      s.put("example", example);
      if (f.random()) {
        s.put("random", true);
      }
      ObjectNode d = s.deepCopy();
      d.put("family", f.family());
      d.put("arguments", f.arity());
      d.put("random", f.random());
      d.put("table", TABLE);
      d.set("example_column", column(f.name() + "_example", example));
      out.add(new Entry(f.name(), s, d));
    }
    return out;
  }

  static List<Entry> operators(VocabularyData data) {
    JsonNode section = data.get("operators");
    List<Entry> out = new ArrayList<>();
    for (String name : VocabularyData.keys(section)) {
      JsonNode e = section.get(name);
      String where = "operator " + name;
      String example = data.text(e, "example", where);
      ObjectNode s = PlanEntries.object();
      s.put("name", name);
      s.put("syntax", data.text(e, "syntax", where));
      s.put("description", data.text(e, "description", where));
      s.put("example", example);
      ObjectNode d = s.deepCopy();
      d.put("table", TABLE);
      d.set("example_column", column(name + "_example", example));
      out.add(new Entry(name, s, d));
    }
    return out;
  }

  /** A string column computing {@code expr} (every value converts to string without a CAST). */
  static ObjectNode column(String name, String expr) {
    ObjectNode c = PlanEntries.object();
    c.put("name", name).put("type", "string").put("strategy", "expression").put("expr", expr);
    return c;
  }
}
