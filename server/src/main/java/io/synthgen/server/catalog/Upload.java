package io.synthgen.server.catalog;

import java.nio.file.Path;

/** One file to send: a file of the run and where it goes in the volume. */
public record Upload(String table, Path local, String remote, long bytes) {
}
