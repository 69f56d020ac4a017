package com.flowmatik.app.live;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The embedded mode runs one process: the sessions of this instance are all the sessions. */
@Component
@Profile("!mysql")
class SingleInstanceRelay implements BroadcastRelay {

    @Override
    public void publish(Audience audience, Notification notification) {
        // no other instance to tell
    }
}
