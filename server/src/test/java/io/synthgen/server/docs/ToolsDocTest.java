package io.synthgen.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgen.docs.DocFiles;
import io.synthgen.server.tool.ToolsDoc;
import org.junit.jupiter.api.Test;

/** docs/tools.md is exactly what the tool definitions generate. */
class ToolsDocTest {

  @Test
  void toolsDocIsGeneratedFromTheDefinitions() {
    assertEquals(ToolsDoc.markdown(), DocFiles.read("docs/tools.md"),
        "docs/tools.md is out of date; regenerate it: java -cp server/target/synthgen.jar "
            + "io.synthgen.server.tool.ToolsDoc > docs/tools.md");
  }
}
