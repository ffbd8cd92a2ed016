package io.synthgen.server.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.synthgen.server.tool.SchemaProblems;
import java.util.Map;

/**
 * The SDK's schema validator, created on first use instead of at start-up (building it and checking every tool's
 * output schema against the meta-schema costs a few hundred milliseconds before the server can answer
 * initialize). The tool schemas are checked against the meta-schema by a test instead; results are still
 * validated against the output schemas on every call. {@link #warm()} builds it ahead of the first call.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

  private volatile JsonSchemaValidator delegate;
  private final ArgumentSchemas arguments = new ArgumentSchemas();

  private JsonSchemaValidator delegate() {
    JsonSchemaValidator d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = new DefaultJsonSchemaValidator();
          delegate = d;
        }
      }
    }
    return d;
  }

  void warm(Map<String, Object> schema, Object sample) {
    delegate().validate(schema, sample);
  }

  @Override
  public void assertConforms(String what, Map<String, Object> schema) {
    // checked by ToolSchemasTest
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    // plan content under $defs is the tools' to check, with every problem at once (see ArgumentSchemas)
    ValidationResponse r = delegate().validate(arguments.of(schema), structuredContent);
    return r.valid() ? r : ValidationResponse.asInvalid(SchemaProblems.withValuesSent(r.errorMessage(),
        structuredContent));
  }

  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return delegate().validateSchema(schema);
  }
}
