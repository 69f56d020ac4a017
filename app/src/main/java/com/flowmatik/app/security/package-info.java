/**
 * Who is calling: JWT bearer tokens (jjwt, HS256, key from {@code JWT_SECRET}) turned into an
 * authenticated user with a role, and the filter chain that says which paths need which role.
 */
package com.flowmatik.app.security;
