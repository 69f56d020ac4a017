package com.flowmatik.app.operator;

import com.flowmatik.api.identity.ChangePassword;
import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.EmailAddresses;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import com.flowmatik.app.auth.Passwords;
import com.flowmatik.app.auth.UserDirectory;
import com.flowmatik.app.operator.OperatorCommandLine.OperatorError;
import com.flowmatik.app.replay.Replay;
import com.flowmatik.app.replay.Replays;
import com.flowmatik.app.web.ApiProblem;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/** Create an admin, reset a password, replay a projection: each through the platform's own commands. */
@Component
class OperatorTasks {

    static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(30);

    private final CommandGateway commands;
    private final Passwords passwords;
    private final UserDirectory users;
    private final Replays replays;
    private final IdGenerator ids;
    private final Clock clock;

    OperatorTasks(
            CommandGateway commands,
            Passwords passwords,
            UserDirectory users,
            Replays replays,
            IdGenerator ids,
            Clock clock) {
        this.commands = commands;
        this.passwords = passwords;
        this.users = users;
        this.replays = replays;
        this.ids = ids;
        this.clock = clock;
    }

    String createAdmin(String email, String password, String name) {
        UserId userId = UserId.of(ids.generateId().toString());
        try {
            commands.sendAndWait(new RegisterUser(
                    userId, email, name, passwords.hash("password", password), Role.ADMIN, clock.instant()));
        } catch (CommandExecutionException refused) {
            if (Refusal.is(refused, ErrorCode.EMAIL_TAKEN)) {
                throw new OperatorError(email + " has an account already: reset-password gives it a new password");
            }
            throw refused;
        }
        try {
            // the account is readable (sign-in, reset-password) when the command line returns
            users.awaitView(userId, view -> true);
        } catch (ApiProblem notReadableYet) {
            throw new OperatorError("created the admin " + EmailAddresses.normalize(email)
                    + ", but the read model has not shown it yet: sign-in works once it has");
        }
        return "Created the admin " + EmailAddresses.normalize(email) + " (" + userId.value() + ")";
    }

    String resetPassword(String email, String password) {
        Credentials account = users.credentials(EmailAddresses.normalize(email))
                .orElseThrow(() -> new OperatorError("no account has the e-mail " + email));
        commands.sendAndWait(
                new ChangePassword(account.userId(), passwords.hash("password", password), clock.instant()));
        return "Set a new password for " + email + "; their tokens are refused from now on";
    }

    String replay(String projection, PrintStream out) {
        Replay replay;
        try {
            replay = replays.start(projection);
        } catch (ApiProblem unknown) {
            throw new OperatorError(unknown.getMessage() + "; the projections: "
                    + replays.projections().stream()
                            .map(com.flowmatik.app.replay.Projection::name)
                            .toList());
        }
        Instant deadline = clock.instant().plus(REPLAY_TIMEOUT);
        while (replay.status() == Replay.Status.RUNNING && clock.instant().isBefore(deadline)) {
            sleep();
            replay = replays.find(replay.replayId()).orElseThrow();
            out.printf("  %s: %d of %d%n", projection, replay.processed(), replay.total());
        }
        if (replay.status() != Replay.Status.DONE) {
            throw new OperatorError("the replay of " + projection + " "
                    + replay.status().wireName() + (replay.reason() == null ? "" : ": " + replay.reason()));
        }
        return "Replayed " + projection + " to position " + replay.total();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OperatorError("interrupted");
        }
    }
}
