package io.synthgen.expr;

import io.synthgen.plan.DataType;
import io.synthgen.random.Stream;
import java.util.List;

/**
 * One function call being compiled: its arguments and helpers that check and convert them. A failed check records a
 * problem and marks the call {@link #bad}; a builder then returns {@link Node#failure()}.
 */
final class Call {

  final FunctionDef def;
  final List<Node> args;
  private final Translator t;
  private final Stream stream;
  private boolean bad;
  /** Each argument as the builder last converted it (null: not converted), for the result's range. */
  private final Node[] used;

  Call(FunctionDef def, List<Node> args, Translator t, Stream stream) {
    this.def = def;
    this.args = List.copyOf(args);
    this.t = t;
    this.stream = stream;
    this.used = new Node[args.size()];
  }

  /** Argument i as the builder converted it, or as written when it was not converted. */
  Node used(int i) {
    return used[i] != null ? used[i] : args.get(i);
  }

  private Node use(int i, Node n) {
    used[i] = n;
    return n;
  }

  int size() {
    return args.size();
  }

  Node arg(int i) {
    return args.get(i);
  }

  DataType type(int i) {
    return args.get(i).type;
  }

  boolean bad() {
    return bad;
  }

  Translator translator() {
    return t;
  }

  /** The random stream of this call site. */
  Stream stream() {
    return stream;
  }

  Node problem(String message) {
    bad = true;
    return t.problem(def.name() + "(): " + message);
  }

  private String ordinal(int i) {
    return "argument " + (i + 1);
  }

  /** Argument i converted to {@code to}; a problem when its type does not convert implicitly. */
  Node as(int i, DataType to) {
    Node a = args.get(i);
    if (a.failed()) {
      bad = true;
      return a;
    }
    if (!Types.assignable(a.type, to)) {
      return problem(ordinal(i) + " must be " + article(to) + ", got " + Types.name(a.type) + "; signature: "
          + def.signature());
    }
    return use(i, t.operators().castConstant(a, to));
  }

  /** Argument i as a number of its own arithmetic type. */
  Node numeric(int i) {
    Node a = args.get(i);
    if (a.failed()) {
      bad = true;
      return a;
    }
    if (a.isNullType()) {
      return use(i, Const.nullOf(DataType.DOUBLE));
    }
    if (!a.type.isNumeric()) {
      return problem(ordinal(i) + " must be a number, got " + a.type + "; signature: " + def.signature());
    }
    return use(i, a);
  }

  /** Argument i as an integer (bigint). */
  Node integral(int i) {
    Node a = args.get(i);
    if (a.failed()) {
      bad = true;
      return a;
    }
    if (a.type != null && !a.type.isIntegral()) {
      return problem(ordinal(i) + " must be an integer, got " + a.type + "; CAST it AS BIGINT; signature: "
          + def.signature());
    }
    return use(i, CastNode.of(a, DataType.BIGINT));
  }

  /** Argument i as a date: dates, timestamps (their day) and date strings are accepted. */
  Node date(int i) {
    return as(i, DataType.DATE);
  }

  Node timestamp(int i) {
    return as(i, DataType.TIMESTAMP);
  }

  /** Argument i folded to a constant; a problem when it varies by row. */
  Const constant(int i, DataType to) {
    Node a = as(i, to);
    if (a.failed()) {
      return Const.nullOf(to);
    }
    if (!a.isConstant()) {
      problem(ordinal(i) + " must be a constant (a literal or an expression of literals), because it is "
          + "fixed when the expression is compiled; signature: " + def.signature());
      return Const.nullOf(to);
    }
    Const c = Const.fold(a);
    if (c.value == null) {
      problem(ordinal(i) + " must not be NULL; signature: " + def.signature());
    }
    return c;
  }

  double constantDouble(int i) {
    Const c = constant(i, DataType.DOUBLE);
    return c.value == null ? Double.NaN : c.doubleValue();
  }

  long constantLong(int i) {
    Const c = constant(i, DataType.BIGINT);
    if (c.value == null) {
      return 0;
    }
    return c.longValue();
  }

  String constantString(int i) {
    Const c = constant(i, DataType.STRING);
    return c.value == null ? "" : c.stringValue();
  }

  private static String article(DataType t) {
    return switch (t.kind()) {
      case INT, BIGINT -> "an integer";
      case DOUBLE, DECIMAL -> "a number";
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case DATE -> "a date";
      case TIMESTAMP -> "a timestamp";
    };
  }
}
