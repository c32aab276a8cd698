package org.iprradar.alerts.account;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * An administrator's account request: all fields to create one; for a change, everything but {@code
 * name} and {@code password}, which have their own paths.
 *
 * @param roles role names (ANALYST, SUPERVISOR, OPERATOR, ADMIN), case-insensitive
 * @param bureau required for an analyst: a bureau id of the routing directory
 * @param district optional for an analyst: a GB/T 2260 district code such as 320602
 */
public record AccountRequest(
    @Nullable String name,
    @Nullable String displayName,
    @Nullable List<String> roles,
    @Nullable String bureau,
    @Nullable String district,
    @Nullable String password) {}
