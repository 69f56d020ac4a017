/**
 * The operators' numbers ({@code admin-metrics} processing group): each user's activity, usage, cost
 * and payments per UTC day, live subscriptions for the MRR, and the {@code /api/admin} dashboard and
 * user list that read them, with the users and usage read models they join.
 */
package com.flowmatik.query.admin;
