/**
 * {@code /api/admin}: what operators do to accounts (role, plan, deactivation) and the metrics of
 * this process next to the business's ({@code /metrics}). Needs the admin role.
 */
package com.flowmatik.app.admin;
