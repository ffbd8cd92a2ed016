package io.synthgen.server.catalog;

/** An entry of a volume folder. */
public record RemoteFile(String path, boolean directory, long size) {
}
