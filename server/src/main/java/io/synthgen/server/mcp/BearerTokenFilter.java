package io.synthgen.server.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Requires {@code Authorization: Bearer <token>} on every request; compares in constant time. */
final class BearerTokenFilter implements Filter {

  private final byte[] expected;

  BearerTokenFilter(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String auth = ((HttpServletRequest) req).getHeader("Authorization");
    if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8))) {
      HttpServletResponse r = (HttpServletResponse) res;
      r.setHeader("WWW-Authenticate", "Bearer");
      RequestGuard.send(r, HttpServletResponse.SC_UNAUTHORIZED, JsonRpcGate.error(null, JsonRpcGate.REFUSED,
          "missing or wrong bearer token: send Authorization: Bearer <the token in SYNTHGEN_TOKEN>"));
      return;
    }
    chain.doFilter(req, res);
  }
}
