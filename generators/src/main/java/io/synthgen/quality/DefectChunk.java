package io.synthgen.quality;

import io.synthgen.vec.Batch;
import java.util.List;

/**
 * One chunk of a table with its defects: the clean rows as the plan makes them, the rows as written, and the ground
 * truth of what differs, in output order.
 *
 * @param outputStart the output position of the chunk's first written row
 */
public record DefectChunk(Batch clean, Batch defective, List<TruthRecord> records, long outputStart) {

  public DefectChunk {
    records = List.copyOf(records);
  }
}
