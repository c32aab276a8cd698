package org.iprradar.detect;

import io.micronaut.runtime.Micronaut;

/** Runs detect on its own against the cluster named by {@code kafka.bootstrap-servers}. */
public final class DetectApplication {
  private DetectApplication() {}

  public static void main(String[] args) {
    Micronaut.run(DetectApplication.class, args);
  }
}
