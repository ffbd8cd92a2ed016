package io.synthgen.server.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * How a server runs: where plans and job records persist, the folder every local destination must stay inside,
 * plan limits, the engine's threads and the clock that dates proposals (the plan's reference date is "today" when
 * it is proposed; generation never reads the clock).
 *
 * @param stateDir plans and finished jobs, as JSON files; a restarted server reads them back
 * @param outputRoot local destinations resolve inside it; a path that escapes it is refused
 * @param bearerToken when set, HTTP requests must carry {@code Authorization: Bearer <token>}
 * @param budget what one MCP request may cost: time, memory, workers, message size
 */
public record ServerConfig(Path stateDir, Path outputRoot, Limits limits, int engineThreads, Clock clock,
    String bearerToken, CallBudget budget) {

  /** Environment variables read by {@link #fromEnvironment}. */
  public static final String ENV_STATE = "SYNTHGEN_STATE";
  public static final String ENV_OUTPUT_ROOT = "SYNTHGEN_OUTPUT_ROOT";
  public static final String ENV_TOKEN = "SYNTHGEN_TOKEN";

  public ServerConfig {
    stateDir = stateDir.toAbsolutePath().normalize();
    outputRoot = outputRoot.toAbsolutePath().normalize();
    budget = budget == null ? CallBudget.DEFAULT : budget;
    if (engineThreads < 1) {
      throw new IllegalArgumentException("engine threads must be at least 1, got " + engineThreads);
    }
  }

  /** A configuration with the default call budget. */
  public ServerConfig(Path stateDir, Path outputRoot, Limits limits, int engineThreads, Clock clock,
      String bearerToken) {
    this(stateDir, outputRoot, limits, engineThreads, clock, bearerToken, CallBudget.DEFAULT);
  }

  /**
   * Defaults: state in {@code $SYNTHGEN_STATE} or {@code ~/.synthgen/state}, output root {@code
   * $SYNTHGEN_OUTPUT_ROOT} or {@code ./output}, default limits, all cores, the system clock, the token from
   * {@code $SYNTHGEN_TOKEN}.
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    String state = env.get(ENV_STATE);
    Path stateDir = state != null && !state.isBlank() ? Path.of(state)
        : Path.of(System.getProperty("user.home"), ".synthgen", "state");
    String out = env.get(ENV_OUTPUT_ROOT);
    Path outputRoot = out != null && !out.isBlank() ? Path.of(out) : Path.of("output");
    String token = env.get(ENV_TOKEN);
    return new ServerConfig(stateDir, outputRoot, Limits.DEFAULT, Runtime.getRuntime().availableProcessors(),
        Clock.systemDefaultZone(), token == null || token.isBlank() ? null : token);
  }

  public ServerConfig withStateDir(Path p) {
    return new ServerConfig(p, outputRoot, limits, engineThreads, clock, bearerToken, budget);
  }

  public ServerConfig withOutputRoot(Path p) {
    return new ServerConfig(stateDir, p, limits, engineThreads, clock, bearerToken, budget);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(stateDir, outputRoot, l, engineThreads, clock, bearerToken, budget);
  }

  public ServerConfig withEngineThreads(int n) {
    return new ServerConfig(stateDir, outputRoot, limits, n, clock, bearerToken, budget);
  }

  public ServerConfig withClock(Clock c) {
    return new ServerConfig(stateDir, outputRoot, limits, engineThreads, c, bearerToken, budget);
  }

  public ServerConfig withBudget(CallBudget b) {
    return new ServerConfig(stateDir, outputRoot, limits, engineThreads, clock, bearerToken, b);
  }

  public ServerConfig withBearerToken(String t) {
    return new ServerConfig(stateDir, outputRoot, limits, engineThreads, clock, t, budget);
  }
}
