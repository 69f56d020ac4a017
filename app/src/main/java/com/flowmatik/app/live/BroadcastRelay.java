package com.flowmatik.app.live;

/**
 * Carries an operator's broadcast to the other instances, each of which delivers it to its own
 * sessions: Redis pub/sub in the mysql and axonserver modes; nothing to do in the embedded mode,
 * which is one process.
 */
interface BroadcastRelay {

    void publish(Audience audience, Notification notification);
}
