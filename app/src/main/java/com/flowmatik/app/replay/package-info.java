/**
 * Rebuilding a projection from the first event ({@code /api/admin/replay}): its processor stops, its
 * tokens are reset (its {@code @ResetHandler} empties its tables, its dead letters are cleared), it
 * starts again and replays the store while the platform keeps serving. Replays are tracked in this
 * process's memory: one instance runs them, and a restart forgets their history (not the rebuilt
 * tables).
 */
package com.flowmatik.app.replay;
