package com.flowmatik.app.auth;

import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.security.IssuedToken;
import com.flowmatik.app.security.JwtTokens;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, sign-in and "who am I". */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final CommandGateway commands;
    private final UserDirectory users;
    private final Passwords passwords;
    private final JwtTokens tokens;
    private final Clock clock;
    private final IdGenerator ids;

    AuthController(
            CommandGateway commands,
            UserDirectory users,
            Passwords passwords,
            JwtTokens tokens,
            Clock clock,
            IdGenerator ids) {
        this.commands = commands;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.ids = ids;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    AuthResponse register(@Valid @RequestBody RegisterRequest request) {
        UserId userId = UserId.of(ids.generateId().toString());
        String hash = passwords.hash("password", request.password());
        UserView user = users.afterChange(userId, () -> commands.sendAndWait(
                new RegisterUser(userId, request.email(), request.name(), hash, Role.USER, clock.instant())));
        return signedIn(user);
    }

    @PostMapping("/login")
    AuthResponse login(@Valid @RequestBody LoginRequest request) {
        Optional<Credentials> credentials = users.credentials(request.email());
        boolean matches = passwords.matches(
                request.password(), credentials.map(Credentials::passwordHash).orElse(null));
        if (!matches || !credentials.get().active()) {
            throw new ApiProblem(ProblemType.INVALID_CREDENTIALS, "E-mail or password is wrong");
        }
        UserView user = users.find(credentials.get().userId())
                .orElseThrow(() -> new ApiProblem(ProblemType.INVALID_CREDENTIALS, "E-mail or password is wrong"));
        return signedIn(user);
    }

    @GetMapping("/me")
    UserResponse me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return users.find(caller.userId())
                .map(UserResponse::from)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such user"));
    }

    private AuthResponse signedIn(UserView user) {
        IssuedToken token = tokens.issue(user.id(), user.role());
        return new AuthResponse(token.token(), token.expiresAt(), UserResponse.from(user));
    }
}
