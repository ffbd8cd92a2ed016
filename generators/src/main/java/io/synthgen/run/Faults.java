package io.synthgen.run;

/**
 * Fault injection for the kill tests: with {@code -Dsynthgen.test.haltAt=commit:N} the process halts (as kill -9
 * would stop it: no shutdown hooks, no finally blocks) when it reaches step N of the commit protocol. Steps are
 * numbered in {@link Runs} and {@link RunFolder}; without the property this is a no-op.
 */
final class Faults {

  static final String PROPERTY = "synthgen.test.haltAt";
  /** The exit status of a halted process, the one a shell reports for SIGKILL. */
  static final int HALT_STATUS = 137;

  private static final String HALT_AT = System.getProperty(PROPERTY);

  private Faults() {
  }

  static void point(String phase, int step) {
    if (HALT_AT != null && HALT_AT.equals(phase + ":" + step)) {
      System.err.println("synthgen: halting at " + HALT_AT + " (" + PROPERTY + ")");
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
