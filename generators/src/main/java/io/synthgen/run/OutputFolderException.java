package io.synthgen.run;

import java.io.IOException;

/**
 * An output folder a run may not write, for a reason the person can act on (its message says how), as opposed to an
 * I/O failure: the folder holds files that are not a synthgen run, or another live run is writing it.
 */
public final class OutputFolderException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Why the folder cannot be written now. */
  public enum Kind {
    /** a file, or a folder holding more than one synthgen run: choose another folder */
    NOT_REPLACEABLE,
    /** another live run holds the folder's lock: wait or choose another folder */
    BUSY
  }

  private final Kind kind;

  public OutputFolderException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
