/**
 * People's accounts: the compacted accounts topic, bcrypt passwords, sign-in at {@code /login}, the
 * administrators' API and the accounts a deployment starts with (demo accounts or the first
 * administrator).
 */
package org.iprradar.alerts.account;
