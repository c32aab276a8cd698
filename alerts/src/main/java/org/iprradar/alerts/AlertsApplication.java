package org.iprradar.alerts;

import io.micronaut.runtime.Micronaut;

/** Runs alerts on its own against the cluster named by {@code kafka.bootstrap-servers}. */
public final class AlertsApplication {
  private AlertsApplication() {}

  public static void main(String[] args) {
    Micronaut.run(AlertsApplication.class, args);
  }
}
