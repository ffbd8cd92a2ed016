package io.synthgen.server.mcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every HTTP error Jetty or the MCP transport produces (an unknown path, a refused method, a failure inside the
 * servlet) answers a JSON-RPC error object with the status and a short reason: never an HTML page, a serialized
 * exception or a stack trace, whatever the client accepts. The cause goes to the log only.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** Longest message of the transport that is passed on; longer ones are replaced by the status's reason. */
  private static final int MAX_MESSAGE_CHARS = 200;

  JsonErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
      String contentType, List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
    String reason = HttpStatus.getMessage(code);
    String text = message == null || message.isBlank() || message.length() > MAX_MESSAGE_CHARS
        || message.contains("\n") || message.contains("Exception") || cause != null && code >= 500 ? reason : message;
    String body = JsonRpcGate.error(null, JsonRpcGate.REFUSED, "HTTP " + code + " " + reason
        + (text.equals(reason) ? "" : ": " + text) + (code >= 500 ? "; the server's log has the details" : ""))
        .toString();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
