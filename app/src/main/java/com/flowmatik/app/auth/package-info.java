/**
 * {@code /api/auth}: sign-up sends {@code RegisterUser} and waits for the users read model to show
 * the account; sign-in checks the BCrypt hash from the read model and issues a token.
 */
package com.flowmatik.app.auth;
