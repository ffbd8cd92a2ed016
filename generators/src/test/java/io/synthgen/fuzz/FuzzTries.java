package io.synthgen.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * {@code -Dsynthgen.fuzz.tries=N} runs every fuzz property N times instead of its CI default, for a long campaign by
 * hand ({@code -Dsynthgen.fuzz.seed=S} also changes the fixed seed).
 */
public final class FuzzTries implements AroundPropertyHook {

  public static final String TRIES = "synthgen.fuzz.tries";
  public static final String SEED = "synthgen.fuzz.seed";

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty(TRIES);
    if (tries != null && !tries.isBlank()) {
      context.attributes().setTries(Integer.parseInt(tries.strip()));
    }
    String seed = System.getProperty(SEED);
    if (seed != null && !seed.isBlank()) {
      context.attributes().setSeed(seed.strip());
    }
    return property.execute();
  }
}
