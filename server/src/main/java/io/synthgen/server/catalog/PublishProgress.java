package io.synthgen.server.catalog;

/** Progress of a publish: the current step and how far it is. Called from upload threads: keep it quick. */
@FunctionalInterface
public interface PublishProgress {

  /**
   * @param step what is happening, e.g. "uploading 12 files" or "loading demo.retail.customers"
   * @param fraction 0..1 of the whole publish
   */
  void update(String step, double fraction);

  PublishProgress NONE = (s, f) -> { };
}
