/**
 * Real time over {@code /ws}: each user's own notifications (quota warnings, subscription changes,
 * operators' broadcasts) and, for admins, the live dashboard. Notifications derived from events are
 * side effects: they are worked out on every instance by a processor of its own that starts at the
 * head of the event store, so a restart or a replay never sends them again, and each instance
 * delivers only to the sessions connected to it. Broadcasts reach the other instances through Redis
 * in the mysql mode.
 */
package com.flowmatik.app.live;
