package io.synthgen.server.mcp;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which Host and Origin headers the HTTP server accepts, each parsed as a URI and compared by scheme, host and port
 * (never by string prefix: {@code http://127.0.0.1:1@evil.example} is the host evil.example with user info, and is
 * refused). The loopback names and the bound host are always accepted, on any port; configured origins are accepted
 * on their own port (the scheme's default when they name none). A request without Origin (not from a browser) is
 * accepted; a Host header is required.
 */
final class OriginPolicy implements ServerHttpHeaderValidator {

  /** Any port. */
  private static final int ANY = -2;

  /** One accepted origin or host. */
  record Allowed(String scheme, String host, int port) {

    boolean matches(Endpoint e) {
      return (scheme == null || scheme.equals(e.scheme())) && host.equals(e.host()) && (port == ANY
          || port == e.port());
    }
  }

  /** A parsed Origin or Host: scheme (null for a Host), lower-case host, port (the scheme's default if absent). */
  record Endpoint(String scheme, String host, int port) {
  }

  private final List<Allowed> hosts = new ArrayList<>();
  private final List<Allowed> origins = new ArrayList<>();

  /**
   * @param boundHost the address the server binds (accepted besides the loopback names)
   * @param extraOrigins further accepted origins, such as {@code http://localhost:5173}
   */
  OriginPolicy(String boundHost, List<String> extraOrigins) {
    List<String> names = new ArrayList<>(List.of("127.0.0.1", "localhost", "[::1]"));
    String bound = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
    if (!names.contains(bound.toLowerCase(Locale.ROOT))) {
      names.add(bound.toLowerCase(Locale.ROOT));
    }
    for (String n : names) {
      hosts.add(new Allowed(null, n, ANY));
      origins.add(new Allowed("http", n, ANY));
    }
    for (String o : extraOrigins) {
      Endpoint e = origin(o);
      if (e == null) {
        throw new IllegalArgumentException("--allowed-origin takes an origin such as http://localhost:5173 "
            + "(scheme, host and optional port, nothing else); got " + o);
      }
      origins.add(new Allowed(e.scheme(), e.host(), e.port()));
    }
  }

  /** Null when the Host header is acceptable, otherwise why not. */
  String hostRefusal(String host) {
    Endpoint h = host == null ? null : host(host);
    if (h == null || hosts.stream().noneMatch(a -> a.matches(h))) {
      return "Host header " + (host == null ? "missing" : "'" + host + "' is not accepted") + ": connect to the "
          + "loopback address or the address the server binds";
    }
    return null;
  }

  /** Null when the Origin header (null when absent) is acceptable, otherwise why not. */
  String originRefusal(String origin) {
    if (origin != null) {
      Endpoint o = origin(origin);
      if (o == null || origins.stream().noneMatch(a -> a.matches(o))) {
        return "Origin '" + origin + "' is not accepted: only pages of the loopback addresses (and origins the "
            + "server was started with, serve --allowed-origin) may call this server";
      }
    }
    return null;
  }

  @Override
  public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
    String host = hostRefusal(single(headers.getHeader("Host")));
    if (host != null) {
      throw new ServerTransportSecurityException(421, host);
    }
    String origin = originRefusal(single(headers.getHeader("Origin")));
    if (origin != null) {
      throw new ServerTransportSecurityException(403, origin);
    }
  }

  private static String single(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Parses {@code scheme://host[:port]}; null when it is anything else (user info, a path, a query). */
  static Endpoint origin(String s) {
    URI u = parse(s);
    if (u == null || u.getScheme() == null || u.getRawUserInfo() != null || u.getHost() == null
        || u.getRawPath() != null && !u.getRawPath().isEmpty() || u.getRawQuery() != null
        || u.getRawFragment() != null) {
      return null;
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    return new Endpoint(scheme, u.getHost().toLowerCase(Locale.ROOT), port);
  }

  /** Parses a Host header, {@code host[:port]}; null when it is anything else. */
  static Endpoint host(String s) {
    if (s.isEmpty() || s.contains("/") || s.contains("@") || s.contains("?") || s.contains("#")) {
      return null;
    }
    Endpoint e = origin("http://" + s);
    return e == null ? null : new Endpoint(null, e.host(), e.port());
  }

  private static URI parse(String s) {
    try {
      return new URI(s.strip());
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
