package io.synthgen.compare;

/**
 * A comparison that cannot be made as asked (a source that is not there, in an unknown format, too large, or sharing
 * no table with the run); the message says what to change. I/O failures stay {@link java.io.IOException}s.
 */
public final class CompareException extends Exception {

  private static final long serialVersionUID = 1L;

  public CompareException(String message) {
    super(message);
  }
}
