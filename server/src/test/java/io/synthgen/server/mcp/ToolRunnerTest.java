package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synthgen.server.config.CallBudget;
import io.synthgen.server.tool.ToolCall;
import io.synthgen.server.tool.ToolRegistry;
import io.synthgen.server.tool.ToolResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every tool call is answered, whatever the tool does, and no failed call keeps a worker it can give back. */
class ToolRunnerTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** The fake person answers an elicitation after more than twice the time budget. */
  private static final long PERSON_MILLIS = 2_500;

  private final FakeTools fakes = new FakeTools();
  private final ToolRegistry registry = fakes.registry();
  private final List<ToolRunner> runners = new ArrayList<>();

  @AfterEach
  void release() {
    fakes.releaseSpinners.countDown();
    runners.forEach(ToolRunner::close);
  }

  private ToolRunner runner(int workers) {
    return runner(workers, Duration.ofSeconds(1));
  }

  private ToolRunner runner(int workers, Duration timeout) {
    ToolRunner r = new ToolRunner(CallBudget.DEFAULT.withCallTimeout(timeout)
        .withCallMemoryBytes(64L << 20).withCallWorkers(workers));
    runners.add(r);
    return r;
  }

  private ToolResult call(ToolRunner r, String tool) throws Exception {
    return r.run(registry, tool, ToolCall.of(JsonNodeFactory.instance.objectNode(), "owner"));
  }

  private static String code(ToolResult r) {
    assertTrue(r.isError(), r.text());
    return r.structured().path("error").path("code").asText();
  }

  private static void assertNoTrace(ToolResult r) {
    String all = r.text() + r.structured();
    assertFalse(all.contains("at io.") || all.contains("\tat ") || all.contains("Exception:")
        && all.contains(".java:"), all);
  }

  @Test
  void aStackOverflowIsAnErrorResultAndTheWorkerServesTheNextCall() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ToolRunner r = runner(1);
      ToolResult overflow = call(r, "overflow");
      assertEquals("too_complex", code(overflow));
      assertNoTrace(overflow);
      assertEquals("echo", call(r, "echo").structured().path("tool").asText());
    });
  }

  @Test
  void anEndlessAllocationIsStoppedByTheMemoryBudget() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ToolRunner r = runner(1);
      ToolResult res = call(r, "allocate");
      assertEquals("budget_exceeded", code(res));
      assertTrue(res.text().contains("64 MiB memory budget"), res.text());
      assertFalse(call(r, "echo").isError());
    });
  }

  @Test
  void anOutOfMemoryErrorIsAnErrorResult() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      // the JVM collects the whole heap before it refuses the array, which on a loaded machine can take longer than
      // the 1 s the other calls get: this test is about the answer to an OutOfMemoryError, not about time
      ToolRunner r = runner(1, Duration.ofSeconds(30));
      ToolResult res = call(r, "huge_array");
      assertEquals("budget_exceeded", code(res));
      assertTrue(res.text().contains("more memory than the server has"), res.text());
      assertFalse(call(r, "echo").isError());
    });
  }

  @Test
  void aRuntimeExceptionIsAnErrorResultWithoutItsTrace() throws Exception {
    ToolResult res = call(runner(1), "throw");
    assertEquals("server_error", code(res));
    assertTrue(res.text().contains("(an invariant broke)"), res.text());
    assertNoTrace(res);
  }

  @Test
  void aCheckedExceptionIsAnInfrastructureFailureForTheProtocol() {
    IOException e = assertThrows(IOException.class, () -> call(runner(1), "io_failure"));
    assertEquals("disk full", e.getMessage());
  }

  @Test
  void aSleepingCallIsAnsweredAtItsTimeBudgetAndInterrupted() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ToolRunner r = runner(1);
      ToolResult res = call(r, "sleep");
      assertEquals("budget_exceeded", code(res));
      assertTrue(res.text().contains("within the 1 s budget"), res.text());
      // the interrupted worker comes back: the one worker serves the next call
      assertFalse(call(r, "echo").isError());
    });
  }

  @Test
  void stuckCallsSaturateThePoolAndTheNextCallIsToldTheServerIsBusy() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ToolRunner r = runner(2);
      assertEquals("budget_exceeded", code(call(r, "spin")));
      assertEquals("budget_exceeded", code(call(r, "spin")));
      assertEquals(2, r.running(), "spinning calls ignore interrupts and keep their workers");
      ToolResult busy = call(r, "echo");
      assertEquals("server_busy", code(busy));
      assertTrue(busy.text().contains("2 of them stopped for exceeding their budget"), busy.text());
      fakes.releaseSpinners.countDown();
      while (r.running() > 0) {
        Thread.sleep(10);
      }
      assertFalse(call(r, "echo").isError(), "the workers are free again");
    });
  }

  @Test
  void timeWaitingForThePersonDoesNotCountAgainstTheBudget() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ToolRunner r = runner(1);
      ToolCall call = new ToolCall(JsonNodeFactory.instance.objectNode(), "owner", null, (message, schema) -> {
        try {
          Thread.sleep(PERSON_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
        return Optional.of(Map.of("yes", true));
      });
      ToolResult res = r.run(registry, "elicit", call);
      assertFalse(res.isError(), res.text());
      assertEquals("{yes=true}", res.structured().path("value").asText());
    });
  }

  @Test
  void callsRunAtOnceUpToTheWorkers() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      ToolRunner r = runner(4);
      List<CompletableFuture<ToolResult>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            return call(r, "spin");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      while (r.running() < 4) {
        Thread.sleep(10);
      }
      fakes.releaseSpinners.countDown();
      for (CompletableFuture<ToolResult> c : calls) {
        ToolResult res = c.get();
        assertTrue(!res.isError() || code(res).equals("budget_exceeded"), res.text());
        assertFalse(res.isError() && code(res).equals("server_busy"), "four workers run four calls");
      }
    });
  }
}
