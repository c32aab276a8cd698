package org.iprradar.alerts.app;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A routing change as the API takes it ({@code PUT /api/v1/routing}) and a draft to preview.
 *
 * @param table the whole routing table, in the form of the routing YAML file, as JSON
 * @param changedBy who makes the change; required to save, not to preview
 * @param comment why, for the history
 * @param baseVersion the version the change was made from, when the client wants a 409 rather than
 *     overwrite a change it has not seen
 */
public record RoutingRequest(
    JsonNode table, String changedBy, String comment, Integer baseVersion) {}
