package com.flowmatik.command.webhook;

import com.flowmatik.api.identity.UserId;
import java.util.List;

/**
 * What a delivery means for the platform: the commands to send for the user it is about. A delivery
 * of a type the platform does not act on is not {@code handled}.
 */
record Translation(UserId userId, List<Object> commands, boolean handled) {

    Translation {
        commands = List.copyOf(commands);
    }

    static Translation of(UserId userId, Object... commands) {
        return new Translation(userId, List.of(commands), true);
    }

    static Translation ignored() {
        return new Translation(null, List.of(), false);
    }
}
