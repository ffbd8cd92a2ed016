package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgen.server.tool.ToolRegistry;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MCP client no one here wrote: the MCP Inspector CLI, installed from npm with the exact version in
 * server/src/test/inspector/package-lock.json, lists the tools and calls propose_plan over stdio. Skipped where npm
 * is not on the PATH.
 */
class InspectorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path install;

  @TempDir
  Path dir;

  @BeforeAll
  static void installInspector() throws Exception {
    assumeTrue(onPath("npm") && onPath("node"), "npm and node are not on the PATH: the inspector check is skipped");
    install = Path.of("target", "inspector").toAbsolutePath();
    Path src = Path.of("src", "test", "inspector");
    Files.createDirectories(install);
    boolean changed = false;
    for (String f : List.of("package.json", "package-lock.json")) {
      Path target = install.resolve(f);
      if (!Files.exists(target) || Files.mismatch(src.resolve(f), target) != -1) {
        Files.copy(src.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
        changed = true;
      }
    }
    if (changed || !Files.isDirectory(install.resolve("node_modules/@modelcontextprotocol/inspector"))) {
      Result r = run(install, 300, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
      assertEquals(0, r.code, "npm ci of the inspector failed:\n" + r.err);
    }
  }

  @Test
  void inspectorListsToolsAndProposesAPlan() throws Exception {
    List<String> server = List.of("java", "-jar", Clients.jar().toString(), "serve", "--state",
        dir.resolve("state").toString(), "--output-root", dir.resolve("out").toString());

    List<String> list = new ArrayList<>(List.of(inspector(), "--cli"));
    list.addAll(server);
    list.addAll(List.of("--method", "tools/list"));
    Result tools = run(dir, 120, list.toArray(new String[0]));
    assertEquals(0, tools.code, tools.err);
    JsonNode names = JSON.readTree(tools.out).path("tools");
    List<String> got = new ArrayList<>();
    names.forEach(t -> got.add(t.path("name").asText()));
    assertEquals(ToolRegistry.NAMES, got);

    List<String> call = new ArrayList<>(List.of(inspector(), "--cli"));
    call.addAll(server);
    call.addAll(List.of("--method", "tools/call", "--tool-name", "propose_plan", "--tool-arg", "template=retail",
        "--tool-arg", "rows=1000"));
    Result proposed = run(dir, 120, call.toArray(new String[0]));
    assertEquals(0, proposed.code, proposed.err);
    JsonNode result = JSON.readTree(proposed.out);
    assertTrue(result.path("structuredContent").path("plan_id").asText().startsWith("pln_"), proposed.out);
    assertTrue(result.path("content").get(0).path("text").asText().contains("Generation Plan: Retail"));
  }

  private static String inspector() {
    return install.resolve("node_modules/.bin/mcp-inspector").toString();
  }

  private record Result(int code, String out, String err) {
  }

  private static Result run(Path cwd, int seconds, String... cmd) throws Exception {
    Path out = Files.createTempFile("inspector", ".out");
    Path err = Files.createTempFile("inspector", ".err");
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish in " + seconds + " s");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, exe))) {
        return true;
      }
    }
    return false;
  }

}
