package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgen.server.tool.SynthTool;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolDefinition;
import io.synthgen.server.tool.ToolRegistry;
import io.synthgen.server.tool.ToolResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tools that misbehave in every way a tool can, for testing that the server answers every call and frees its
 * threads: one that overflows the stack, one that allocates without end, one that spins without checking
 * interrupts, one that sleeps, one that throws, one that asks the person and one that answers at once.
 */
final class FakeTools {

  /** Releases every spinning call (they spin until this opens, ignoring interrupts). */
  final CountDownLatch releaseSpinners = new CountDownLatch(1);

  ToolRegistry registry() {
    return new ToolRegistry(List.of(
        tool("echo", call -> ok("echo", call.args().toString())),
        tool("overflow", call -> ok("overflow", String.valueOf(recurse(0)))),
        tool("allocate", call -> {
          List<long[]> held = new ArrayList<>();
          while (true) {
            held.add(new long[1 << 17]);
            if (Thread.currentThread().isInterrupted()) {
              throw new InterruptedException("stopped after " + held.size() + " MiB");
            }
          }
        }),
        tool("huge_array", call -> ok("huge_array", String.valueOf(new long[Integer.MAX_VALUE - 8].length))),
        tool("spin", call -> {
          long n = 0;
          while (releaseSpinners.getCount() > 0) {
            n++;
          }
          return ok("spin", String.valueOf(n));
        }),
        tool("sleep", call -> {
          Thread.sleep(TimeUnit.HOURS.toMillis(1));
          return ok("sleep", "woke");
        }),
        tool("throw", call -> {
          throw new IllegalStateException("an invariant broke\n\tat io.synthgen.Fake.call(Fake.java:1)");
        }),
        tool("io_failure", call -> {
          throw new IOException("disk full");
        }),
        tool("elicit", call -> {
          Object answer = call.elicitation().map(e -> e.ask("continue?", JsonNodeFactory.instance.objectNode())
              .orElse(null)).orElse(null);
          return ok("elicit", String.valueOf(answer));
        })));
  }

  @FunctionalInterface
  interface Body {
    ToolResult call(ToolCall call) throws Exception;
  }

  static SynthTool tool(String name, Body body) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    ToolDefinition d = new ToolDefinition(name, name, "A test tool: " + name, true, false, true, false, schema,
        schema.deepCopy());
    return new SynthTool() {
      @Override
      public ToolDefinition definition() {
        return d;
      }

      @Override
      public ToolResult call(ToolCall call) throws Exception {
        return body.call(call);
      }
    };
  }

  static ToolResult ok(String tool, String value) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("tool", tool);
    o.put("value", value);
    return ToolResult.ok(o, tool + ": " + value);
  }

  private static long recurse(long depth) {
    return recurse(depth + 1) + 1;
  }
}
