package org.iprradar.alerts.route;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the routing table from {@code classpath:...} or a file path, failing with the reason. */
public final class RoutingTableLoader {

  private static final ObjectMapper YAML = new YAMLMapper();

  private RoutingTableLoader() {}

  public static RoutingTable load(String location) throws IOException {
    try (InputStream in = open(location)) {
      return YAML.readValue(in, RoutingTable.class);
    } catch (DatabindException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IOException("cannot use routing table " + location + ": " + cause.getMessage(), e);
    }
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      InputStream in = RoutingTableLoader.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("no resource " + resource + " on the classpath");
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }
}
