package io.synthgen.series;

import io.synthgen.column.Instants;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The span of time a written table covers, [start, end) in microseconds since the epoch (UTC, as timestamps are
 * written): one batch's interval for an append slice or a feed, batch 0's start to batch K's end for a state or a
 * history after K.
 */
public record Window(long startMicros, long endMicros) {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** An instant as the manifest writes it: {@code 2024-01-02T00:00:00}, with microseconds when there are any. */
  public static String format(long micros) {
    long seconds = Math.floorDiv(micros, Instants.MICROS_PER_SECOND);
    long fraction = Math.floorMod(micros, Instants.MICROS_PER_SECOND);
    String s = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(SECONDS);
    return fraction == 0 ? s : s + String.format(java.util.Locale.ROOT, ".%06d", fraction);
  }

  public String start() {
    return format(startMicros);
  }

  public String end() {
    return format(endMicros);
  }
}
