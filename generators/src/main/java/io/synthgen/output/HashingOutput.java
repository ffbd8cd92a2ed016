package io.synthgen.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file output stream that counts bytes and computes the SHA-256 of everything written, so files are never re-read. */
final class HashingOutput extends OutputStream {

  private final OutputStream out;
  private final MessageDigest digest;
  private long bytes;
  private String sha256;

  HashingOutput(Path file) throws IOException {
    this.out = new BufferedOutputStream(
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      out.close();
      throw new IllegalStateException("this JVM has no SHA-256; use a standard Java 17 runtime", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    digest.update(b, off, len);
    bytes += len;
  }

  long bytes() {
    return bytes;
  }

  /** Hex SHA-256 of the bytes written; valid after {@link #close()}. */
  String sha256() {
    return sha256;
  }

  @Override
  public void close() throws IOException {
    if (sha256 == null) {
      sha256 = HexFormat.of().formatHex(digest.digest());
      out.close();
    }
  }
}
