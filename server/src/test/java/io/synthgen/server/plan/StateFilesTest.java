package io.synthgen.server.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgen.server.job.JobManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State files are replaced whole or not at all, and no temporary file outlives a failure or a restart. */
class StateFilesTest {

  @TempDir
  Path dir;

  private List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A disk that fills up after {@code room} bytes, as ENOSPC does. */
  private static StateFiles.Opener fullAfter(int room) {
    return file -> {
      StateFiles.Sink real = StateFiles.FILES.open(file);
      return new StateFiles.Sink() {
        @Override
        public void write(ByteBuffer bytes) throws IOException {
          ByteBuffer part = bytes.duplicate();
          part.limit(Math.min(bytes.limit(), bytes.position() + room));
          real.write(part);
          throw new IOException("No space left on device");
        }

        @Override
        public void sync() throws IOException {
          real.sync();
        }

        @Override
        public void close() throws IOException {
          real.close();
        }
      };
    };
  }

  @Test
  void aFullDiskLeavesThePreviousFileAndNoTemporaryOne() throws Exception {
    Path meta = dir.resolve("meta.json");
    StateFiles.write(meta, "{\"version\": 1}");
    IOException e = assertThrows(IOException.class, () -> StateFiles.write(meta, "{\"version\": 2}", fullAfter(3)));
    assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("unchanged")
        && e.getMessage().contains("free space"), e.getMessage());
    assertEquals("{\"version\": 1}", Files.readString(meta));
    assertEquals(List.of("meta.json"), names(dir));

    IOException none = assertThrows(IOException.class,
        () -> StateFiles.write(dir.resolve("v1.json"), "{}", fullAfter(0)));
    assertTrue(none.getMessage().contains("No space left on device"), none.getMessage());
    assertEquals(List.of("meta.json"), names(dir), "no 0-byte file either");
  }

  @Test
  void aFailedRenameRemovesTheTemporaryFile() throws Exception {
    Path target = dir.resolve("job.json");
    Files.createDirectories(target.resolve("blocker"));
    assertThrows(IOException.class, () -> StateFiles.write(target, "{}"));
    assertEquals(List.of("job.json"), names(dir));
  }

  @Test
  void temporaryFilesOfAKilledServerAreRemovedAtStartUp() throws Exception {
    Path plan = Files.createDirectories(dir.resolve("plans").resolve("pln_x"));
    Files.writeString(plan.resolve("meta.json"), "{}");
    Files.createFile(plan.resolve(".meta.json.tmp"));
    Files.createFile(plan.resolve(".v2.json.a1b2c3d4e5f6.tmp"));
    Path jobs = Files.createDirectories(dir.resolve("jobs"));
    Files.createFile(jobs.resolve(".job_y.tmp"));
    Files.writeString(jobs.resolve("job_y.json"), "{}");
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    new PlanStore(dir, clock);
    try (JobManager m = new JobManager(dir, clock, 1)) {
      assertEquals(List.of("meta.json"), names(plan), "after " + m + " started");
      assertEquals(List.of("job_y.json"), names(jobs));
    }
  }
}
