package io.synthgen.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures the MCP server as a client sees it, over stdio against the packaged jar: time until it answers
 * initialize, warm propose_plan, warm generate_sample of all five retail tables, and get_job latency while a
 * 10M-row generate_full runs. A benchmark, not a test: it prints numbers and asserts nothing.
 * {@code bench/mcp.sh} builds and runs it.
 */
public final class McpBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private McpBench() {
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "server/target/synthgen.jar").toAbsolutePath();
    Path dir = Files.createTempDirectory("synthgen-mcp-bench");
    List<String> javaArgs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      javaArgs.add(args[i]);
    }
    System.out.println("synthgen MCP bench: " + jar + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, JVM options " + javaArgs);

    double[] init = new double[5];
    for (int i = 0; i < init.length; i++) {
      init[i] = timeToInitialize(jar, javaArgs, dir.resolve("init" + i));
    }
    report("server ready: initialize answered after process start", init, 1500);

    List<String> cmd = new ArrayList<>(javaArgs);
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--state", dir.resolve("state").toString(),
        "--output-root", dir.resolve("out").toString()));
    try (McpSyncClient c = McpClient.sync(new StdioClientTransport(ServerParameters.builder("java").args(cmd)
        .build(), McpJsonDefaults.getMapper())).requestTimeout(Duration.ofMinutes(10))
        .clientInfo(McpSchema.Implementation.builder("bench", "1").build()).build()) {
      c.initialize();
      String propose = "{\"template\": \"retail\"}";
      for (int i = 0; i < 30; i++) {
        call(c, "propose_plan", propose);
      }
      double[] p = new double[50];
      String id = null;
      for (int i = 0; i < p.length; i++) {
        long t = System.nanoTime();
        id = call(c, "propose_plan", propose).path("plan_id").asText();
        p[i] = (System.nanoTime() - t) / 1e6;
      }
      report("warm propose_plan (retail, 5 tables)", p, 50);

      String sample = "{\"plan_id\": \"" + id + "\"}";
      for (int i = 0; i < 15; i++) {
        call(c, "generate_sample", sample);
      }
      double[] s = new double[30];
      for (int i = 0; i < s.length; i++) {
        long t = System.nanoTime();
        call(c, "generate_sample", sample);
        s[i] = (System.nanoTime() - t) / 1e6;
      }
      report("warm generate_sample (all five retail tables, 100 rows each)", s, 300);

      // customers 378,000 rows: about 10M rows in all
      JsonNode big = call(c, "propose_plan", "{\"template\": \"retail\", \"rows\": 378000, "
          + "\"destination\": {\"kind\": \"local\", \"path\": \"big\"}}");
      String bigId = big.path("plan_id").asText();
      call(c, "approve_plan", "{\"plan_id\": \"" + bigId + "\", \"version\": 1}");
      long start = System.nanoTime();
      JsonNode job = call(c, "generate_full", "{\"plan_id\": \"" + bigId + "\", \"wait_seconds\": 0}");
      String jobId = job.path("job_id").asText();
      List<Double> lat = new ArrayList<>();
      String status = job.path("status").asText();
      while (!status.equals("succeeded") && !status.equals("failed") && !status.equals("cancelled")) {
        Thread.sleep(100);
        long t = System.nanoTime();
        status = call(c, "get_job", "{\"job_id\": \"" + jobId + "\"}").path("status").asText();
        lat.add((System.nanoTime() - t) / 1e6);
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "generate_full: %,d rows in %.1f s (%s)%n", big.path("total_rows").asLong(),
          secs, status);
      report("get_job while generate_full of 10M rows runs (" + lat.size() + " calls)",
          lat.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }
  }

  private static JsonNode call(McpSyncClient c, String tool, String args) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> a = JSON.readValue(args, Map.class);
    McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder(tool).arguments(a).build());
    if (Boolean.TRUE.equals(r.isError())) {
      throw new IllegalStateException(tool + " failed: " + r.content());
    }
    return JSON.valueToTree(r.structuredContent());
  }

  /** Milliseconds from starting the server process to reading its initialize response. */
  private static double timeToInitialize(Path jar, List<String> javaArgs, Path dir) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(javaArgs);
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--state", dir.resolve("state").toString(),
        "--output-root", dir.resolve("out").toString()));
    long t = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    // stdin is closed by hand, before waiting: end of input is what ends the server
    OutputStream in = p.getOutputStream();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n")
          .getBytes(StandardCharsets.UTF_8));
      in.flush();
      out.readLine();
      double ms = (System.nanoTime() - t) / 1e6;
      // stdin's end stops the server
      in.close();
      p.waitFor(10, TimeUnit.SECONDS);
      return ms;
    } finally {
      in.close();
      p.destroy();
    }
  }

  private static void report(String what, double[] ms, double target) {
    double[] s = ms.clone();
    Arrays.sort(s);
    double median = s[s.length / 2];
    double p99 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)];
    System.out.printf(Locale.ROOT, "%-62s median %8.1f ms  p99 %8.1f ms  max %8.1f ms  (target %.0f ms: %s)%n",
        what, median, p99, s[s.length - 1], target, median <= target ? "met" : "NOT met");
  }
}
