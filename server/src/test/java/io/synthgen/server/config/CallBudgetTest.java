package io.synthgen.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The call budget's defaults and bounds, each refusal naming the serve flag and its limit. */
class CallBudgetTest {

  @Test
  void defaultsLeaveRoomForTheLongestJobWait() {
    CallBudget d = CallBudget.DEFAULT;
    assertTrue(d.callTimeout().toSeconds() > CallBudget.MAX_TOOL_WAIT_SECONDS, "a 60 s job wait fits the budget");
    assertEquals(4 << 20, d.maxMessageBytes());
    assertEquals(d, new ServerConfig(Path.of("s"), Path.of("o"), Limits.DEFAULT, 1, Clock.systemUTC(), null)
        .budget(), "a configuration without a budget has the default one");
  }

  @Test
  void everyBoundIsRefusedWithTheFlagAndTheLimit() {
    CallBudget d = CallBudget.DEFAULT;
    assertMessage("serve --call-timeout) must be at least 1 s, got 0.5 s",
        () -> d.withCallTimeout(Duration.ofMillis(500)));
    assertMessage("serve --call-memory) must be at least 16 MiB, got 1.0 MiB", () -> d.withCallMemoryBytes(1 << 20));
    assertMessage("serve --call-workers) must be between 1 and 256, got 0", () -> d.withCallWorkers(0));
    assertMessage("serve --call-workers) must be between 1 and 256, got 257", () -> d.withCallWorkers(257));
    assertMessage("serve --max-message-bytes) must be at least 65536 bytes, got 100",
        () -> d.withMaxMessageBytes(100));
  }

  private static void assertMessage(String part, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
