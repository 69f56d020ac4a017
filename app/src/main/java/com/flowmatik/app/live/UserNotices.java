package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Hands a notification derived from events to the user's sessions on this instance, once the
 * processor's batch has committed: a batch that fails and is processed again must not have told
 * anyone already.
 */
@Component
class UserNotices {

    private final LiveSessions sessions;

    UserNotices(LiveSessions sessions) {
        this.sessions = sessions;
    }

    /** Whether anyone would hear it: work out notifications only for users connected here. */
    boolean isListening(UserId userId) {
        return sessions.isConnected(userId);
    }

    void send(UserId userId, Notification notification) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> sessions.toUser(userId, notification));
        } else {
            sessions.toUser(userId, notification);
        }
    }
}
