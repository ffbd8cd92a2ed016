package io.synthgen.output;

/** One finished output file: its path relative to the run's output folder, rows, bytes and SHA-256 (hex). */
public record FileEntry(String path, long rows, long bytes, String sha256) {
}
