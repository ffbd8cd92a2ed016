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
 */
public record ServerConfig(Path stateDir, Path outputRoot, Limits limits, int engineThreads, Clock clock,
    String bearerToken) {

  /** Environment variables read by {@link #fromEnvironment}. */
  public static final String ENV_STATE = "SYNTHGEN_STATE";
  public static final String ENV_OUTPUT_ROOT = "SYNTHGEN_OUTPUT_ROOT";
  public static final String ENV_TOKEN = "SYNTHGEN_TOKEN";

  public ServerConfig {
    stateDir = stateDir.toAbsolutePath().normalize();
    outputRoot = outputRoot.toAbsolutePath().normalize();
    if (engineThreads < 1) {
      throw new IllegalArgumentException("engine threads must be at least 1, got " + engineThreads);
    }
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
    return new ServerConfig(p, outputRoot, limits, engineThreads, clock, bearerToken);
  }

  public ServerConfig withOutputRoot(Path p) {
    return new ServerConfig(stateDir, p, limits, engineThreads, clock, bearerToken);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(stateDir, outputRoot, l, engineThreads, clock, bearerToken);
  }

  public ServerConfig withEngineThreads(int n) {
    return new ServerConfig(stateDir, outputRoot, limits, n, clock, bearerToken);
  }

  public ServerConfig withClock(Clock c) {
    return new ServerConfig(stateDir, outputRoot, limits, engineThreads, c, bearerToken);
  }

  public ServerConfig withBearerToken(String t) {
    return new ServerConfig(stateDir, outputRoot, limits, engineThreads, clock, t);
  }
}
