package io.synthgen.server.mcp;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host and Origin are parsed as URIs and compared by scheme, host and port, never by string prefix. */
class OriginPolicyTest {

  private final OriginPolicy policy = new OriginPolicy("127.0.0.1", List.of("https://app.example:8443",
      "http://localhost:5173"));

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:1@evil.example", "http://127.0.0.1@evil.example",
      "http://localhost.evil.example", "http://127.0.0.1.evil.example:80", "http://evil.example#@127.0.0.1",
      "http://evil.example/?x=http://127.0.0.1", "https://app.example", "http://app.example:8443",
      "https://app.example:8443/path", "null", "", "file:///etc/passwd", "http://[::1", "http://localhost:5173@x.y"})
  void foreignOriginsAreRefused(String origin) {
    assertNotNull(policy.originRefusal(origin), origin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:5173", "http://127.0.0.1:6274", "http://LOCALHOST:1", "http://[::1]:80",
      "http://127.0.0.1", "https://app.example:8443", "HTTPS://APP.EXAMPLE:8443"})
  void loopbackAndConfiguredOriginsAreAccepted(String origin) {
    assertNull(policy.originRefusal(origin), origin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:8080", "localhost", "[::1]:9", "LocalHost:1"})
  void loopbackHostsAreAccepted(String host) {
    assertNull(policy.hostRefusal(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example:80", "127.0.0.1:1@evil.example", "127.0.0.1.evil.example", "localhost/x",
      "", "127.0.0.1:abc"})
  void otherHostsAreRefused(String host) {
    assertNotNull(policy.hostRefusal(host), host);
  }

  @org.junit.jupiter.api.Test
  void aMissingHostIsRefusedAndAMissingOriginAccepted() {
    assertNotNull(policy.hostRefusal(null));
    assertNull(policy.originRefusal(null));
  }

  @org.junit.jupiter.api.Test
  void aConfiguredOriginMustBeAnOrigin() {
    assertThrows(IllegalArgumentException.class, () -> new OriginPolicy("127.0.0.1",
        List.of("http://localhost:5173/app")));
  }

  @org.junit.jupiter.api.Test
  void theBoundAddressIsAccepted() {
    OriginPolicy lan = new OriginPolicy("192.168.1.5", List.of());
    assertNull(lan.hostRefusal("192.168.1.5:8080"));
    assertNull(lan.originRefusal("http://192.168.1.5:3000"));
    assertNotNull(lan.originRefusal("http://192.168.1.50:3000"));
  }
}
