/**
 * Who may do what, shared by every app: the roles, and the caller a request was authenticated as (a
 * person with a signed token, or a partner with an API key), with the bureau, district or platforms
 * that bound what that caller sees and writes.
 */
package org.iprradar.web.security;
