package io.synthgen.fuzz;

import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * How many cases a fuzz test runs and from which seed: a fixed seed and a small CI default, or
 * {@code -Dsynthgen.fuzz.tries=N} (and {@code -Dsynthgen.fuzz.seed=S}) for a long campaign by hand. Each case gets
 * its own case seed, drawn from the test's seed, and is a dynamic test named by it, so a failure names the seed that
 * reproduces it.
 */
public final class FuzzTries {

  public static final String TRIES = "synthgen.fuzz.tries";
  public static final String SEED = "synthgen.fuzz.seed";

  private FuzzTries() {
  }

  /** {@code ciTries} cases (or the property's), each built by {@code test} from its case seed. */
  public static Stream<DynamicTest> cases(String name, int ciTries, long ciSeed, LongFunction<Runnable> test) {
    int tries = Integer.parseInt(System.getProperty(TRIES, String.valueOf(ciTries)).strip());
    long seed = Long.parseLong(System.getProperty(SEED, String.valueOf(ciSeed)).strip());
    SplittableRandom r = new SplittableRandom(seed);
    return LongStream.generate(r::nextLong).limit(tries).boxed()
        .map(caseSeed -> DynamicTest.dynamicTest(name + " " + caseSeed, () -> test.apply(caseSeed).run()));
  }

  /** An element of {@code items} chosen by a case seed. */
  public static <T> T pick(java.util.List<T> items, long caseSeed) {
    return items.get(new SplittableRandom(caseSeed ^ 0x9E3779B97F4A7C15L).nextInt(items.size()));
  }
}
