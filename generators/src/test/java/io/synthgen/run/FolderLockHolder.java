package io.synthgen.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** A separate process for {@link FolderLockTest}: takes a folder lock, says so, and holds it until killed. */
public final class FolderLockHolder {

  private FolderLockHolder() {
  }

  public static void main(String[] args) throws Exception {
    FolderLock.Attempt a = FolderLock.tryAcquire(Path.of(args[0]));
    if (a.lock().isEmpty()) {
      System.exit(2);
    }
    Files.writeString(Path.of(args[1]), "locked");
    Thread.sleep(Long.MAX_VALUE);
  }
}
