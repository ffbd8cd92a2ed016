package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgen.server.tool.ToolRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol fuzzer against the real server and its real tools on both transports: a few hundred seeded random
 * and mutated messages each (see {@link ProtocolFuzz} for what the specification requires of each answer), then a
 * ping and tools/list still work. The regression corpus (every input that once broke the server) is replayed the
 * same way. A failure names the message; add it to {@code protocol-corpus.txt}.
 */
class ProtocolFuzzTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  @Test
  void fuzzStdio() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET),
          InProcess::standard)) {
        run.client.initialize();
        replay(run.client, generated(ProtocolFuzz.SEED));
        stillServes(run.client);
        assertTrue(run.closeStdin(), "the server stops when stdin closes");
      }
    });
  }

  @Test
  void fuzzHttp() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        RawRpc.Http http = new RawRpc.Http(server.port());
        http.initialize();
        replay(http, generated(ProtocolFuzz.SEED + 1));
        stillServes(http);
      }
    });
  }

  @Test
  void corpusStdio() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (InProcess.StdioRun run = new InProcess.StdioRun(InProcess.services(dir, InProcess.BUDGET),
          InProcess::standard)) {
        run.client.initialize();
        replay(run.client, corpus());
        stillServes(run.client);
      }
    });
  }

  @Test
  void corpusHttp() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (HttpServer server = InProcess.http(InProcess.services(dir, InProcess.BUDGET), InProcess::standard)) {
        RawRpc.Http http = new RawRpc.Http(server.port());
        http.initialize();
        replay(http, corpus());
        stillServes(http);
      }
    });
  }

  static List<String> generated(long seed) {
    ProtocolFuzz fuzz = new ProtocolFuzz(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ProtocolFuzz.MESSAGES; i++) {
      out.add(fuzz.next());
    }
    return out;
  }

  static List<String> corpus() throws Exception {
    List<String> out = new ArrayList<>();
    try (InputStream in = ProtocolFuzzTest.class.getResourceAsStream("protocol-corpus.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line);
        }
      }
    }
    assertTrue(out.size() >= 10, "the corpus is read");
    return out;
  }

  /** Sends every message and checks its answers; fails once at the end naming every message that failed. */
  static void replay(RawRpc.Session s, List<String> messages) throws Exception {
    List<String> failures = new ArrayList<>();
    String previous = "";
    for (String m : messages) {
      ProtocolFuzz.Expect e = ProtocolFuzz.expect(m);
      try {
        List<JsonNode> answers = s.exchange(m, e.kind() == ProtocolFuzz.Kind.REQUEST ? e.id() : null);
        ProtocolFuzz.check(m, answers);
      } catch (AssertionError err) {
        String what = "after " + ProtocolFuzz.abbreviate(previous) + ": " + ProtocolFuzz.abbreviate(m) + " -> "
            + ProtocolFuzz.abbreviate(String.valueOf(err.getMessage()));
        failures.add(what);
        System.err.println("PROTOCOL FUZZ FAILURE " + what);
      }
      previous = m;
    }
    assertEquals(List.of(), failures, failures.size() + " of " + messages.size() + " messages failed");
  }

  static void stillServes(RawRpc.Session s) throws Exception {
    assertTrue(s.request("ping", null).isObject());
    JsonNode tools = s.request("tools/list", null).path("tools");
    assertEquals(ToolRegistry.NAMES.size(), tools.size(), tools.toString());
  }
}
