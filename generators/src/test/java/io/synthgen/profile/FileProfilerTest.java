package io.synthgen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.profile.scan.FileProfiler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProfilerTest {

  @TempDir
  Path dir;

  @Test
  void smoke() throws Exception {
    Path f = KnownData.write(dir.resolve("people.parquet"), KnownData.ROWS);
    SourceProfile p = FileProfiler.profile(dir, f, "source.path");
    for (ColumnProfile c : p.tables().get(0).columns()) {
      System.err.println(c);
    }
    System.err.println(p.tables().get(0).keys());
    assertEquals(KnownData.ROWS, p.tables().get(0).rows());
  }
}
