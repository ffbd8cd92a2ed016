package io.synthgen.output;

import io.synthgen.vec.Batch;
import java.util.List;

/**
 * A batch as encoded by {@link PartedTableWriter}: one piece per part file the batch's rows fall into (one piece
 * unless the batch crosses a {@code rowsPerFile} boundary) when its first row lands at output position
 * {@code guess}; {@code batch} is kept (null without part files) so that append can split it again at its real
 * position.
 */
record SplitChunk(List<Piece> pieces, long guess, Batch batch) implements EncodedChunk {

  /** Rows of one part file, encoded by the format. */
  record Piece(long part, EncodedChunk chunk) {
  }

  SplitChunk {
    pieces = List.copyOf(pieces);
  }

  @Override
  public long rows() {
    long n = 0;
    for (Piece p : pieces) {
      n += p.chunk().rows();
    }
    return n;
  }

  @Override
  public long bytes() {
    long n = 0;
    for (Piece p : pieces) {
      n += p.chunk().bytes();
    }
    return n;
  }
}
