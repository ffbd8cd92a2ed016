package io.synthgen.draft.infer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.plan.DataType;

/**
 * What inference made of a column: its type, the strategy with its parameters (plan column fields), a null rate
 * when the kind of column usually has NULLs, and the note that says what was inferred and why.
 */
public final class Inferred {

  private DataType type;
  private final ObjectNode fields = JsonNodeFactory.instance.objectNode();
  private String what;
  private String note = "";
  private Double nullRate;

  Inferred(DataType type, String strategy, String what) {
    this.type = type;
    this.what = what;
    fields.put("strategy", strategy);
  }

  public DataType type() {
    return type;
  }

  /** The strategy and its parameters, as plan column fields. */
  public ObjectNode fields() {
    return fields;
  }

  /** What was inferred, without why: "lognormal decimal(10,2), median 25". */
  public String what() {
    return what;
  }

  /** The note for the plan: what was inferred and why. */
  public String note() {
    return note;
  }

  /** A null rate this kind of column usually has (a deleted_at is mostly NULL), or null. */
  public Double nullRate() {
    return nullRate;
  }

  Inferred fields(java.util.function.Consumer<ObjectNode> fill) {
    fill.accept(fields);
    return this;
  }

  Inferred type(DataType t) {
    this.type = t;
    return this;
  }

  Inferred what(String w) {
    this.what = w;
    return this;
  }

  Inferred note(String n) {
    this.note = n;
    return this;
  }

  Inferred nullRate(double r) {
    this.nullRate = r;
    return this;
  }
}
