package org.iprradar.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application of the pipeline in a JVM of its own, started from its runnable jar, so that it
 * can be killed as the operating system kills a process: {@link Process#destroyForcibly} is {@code
 * SIGKILL} on Linux, with no shutdown hook, no close and no commit.
 */
final class ChildApp {

  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  ChildApp(String name, Path jar, Path log, List<String> arguments) {
    this.name = name;
    this.log = log;
    this.command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
  }

  String name() {
    return name;
  }

  void start() throws IOException {
    Files.createDirectories(log.getParent());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    starts++;
  }

  /** SIGKILL, then waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** A clean stop (SIGTERM, so the application closes and commits), or a kill after a minute. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** Fails when the process ended without being killed: it crashed or refused to start. */
  void checkAlive() {
    if (process != null && !process.isAlive()) {
      throw new IllegalStateException(
          name + " exited by itself with status " + process.exitValue() + "; see " + log);
    }
  }

  int starts() {
    return starts;
  }
}
