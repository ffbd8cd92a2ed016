package io.synthgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.synthgen.engine.Cancellation;
import io.synthgen.engine.Engine;
import io.synthgen.engine.Progress;
import io.synthgen.output.WriterOptions;
import io.synthgen.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder lock between processes: a live owner excludes every other run; a killed one excludes nobody. */
class FolderLockTest {

  @TempDir
  Path root;

  @Test
  void aLiveProcessHoldsTheLockAndItsDeathReleasesIt() throws Exception {
    Path out = root.resolve("out");
    Path lockFile = RunFolder.of(out).lockFile();
    Path ready = root.resolve("ready");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        FolderLockHolder.class.getName(), lockFile.toString(), ready.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        while (!Files.exists(ready)) {
          assertTrue(holder.isAlive(), "the holder process runs");
          Thread.sleep(20);
        }
      });
      for (int i = 0; i < 3; i++) { // looking twice must not release the other process's lock
        FolderLock.Attempt a = FolderLock.tryAcquire(lockFile);
        assertFalse(a.lock().isPresent(), "locked by the other process");
        assertEquals(Long.toString(holder.pid()), a.owner());
      }
      IOException e = assertThrows(IOException.class, () -> Runs.generate(Plans.resolve(Plans.template("retail", 20)),
          out, WriterOptions.parquetZstd(), new Engine(1, 1000), Progress.NONE, new Cancellation()));
      assertTrue(e.getMessage().contains("another synthgen run (process " + holder.pid() + ")"), e.getMessage());
      assertEquals(List.of(), Runs.recover(out));
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
    }
    assertTrue(Files.exists(lockFile), "a killed owner leaves its lock file");
    FolderLock.Attempt after = FolderLock.tryAcquire(lockFile);
    assertTrue(after.lock().isPresent(), "the operating system released the dead owner's lock");
    after.lock().get().close();
    assertFalse(Files.exists(lockFile), "released and deleted");
  }

  @Test
  void aSecondRunOfThisProcessIsRefusedWithoutReleasingTheFirst() throws Exception {
    Path lockFile = root.resolve(".synthgen-out.lock");
    FolderLock.Attempt first = FolderLock.tryAcquire(lockFile);
    try (FolderLock held = first.lock().orElseThrow()) {
      assertTrue(Files.exists(lockFile), "held: " + held);
      FolderLock.Attempt second = FolderLock.tryAcquire(lockFile);
      assertFalse(second.lock().isPresent());
      assertEquals(Long.toString(ProcessHandle.current().pid()), second.owner());
      assertTrue(Files.exists(lockFile));
    }
    FolderLock.Attempt again = FolderLock.tryAcquire(lockFile);
    assertTrue(again.lock().isPresent(), "free again once closed");
    again.lock().get().close();
  }
}
