package com.flowmatik.app.auth;

import com.flowmatik.api.identity.ChangePassword;
import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.RequestPasswordReset;
import com.flowmatik.api.identity.ResetPassword;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UpdateProfile;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.security.IssuedToken;
import com.flowmatik.app.security.JwtTokens;
import com.flowmatik.app.security.TokenDenylist;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/auth}: sign-up, sign-in and out, the account's profile and password. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    static final Duration RESET_LINK_LIFETIME = Duration.ofMinutes(30);
    static final Map<String, String> FORGOT_ANSWER =
            Map.of("message", "If an account has this address, a reset link is on its way");
    private static final String WRONG_CREDENTIALS = "E-mail or password is wrong";

    private final CommandGateway commands;
    private final UserDirectory users;
    private final Passwords passwords;
    private final JwtTokens tokens;
    private final TokenDenylist denylist;
    private final ResetLinks resetLinks;
    private final SignInGuard signIns;
    private final Clock clock;
    private final IdGenerator ids;

    AuthController(
            CommandGateway commands,
            UserDirectory users,
            Passwords passwords,
            JwtTokens tokens,
            TokenDenylist denylist,
            ResetLinks resetLinks,
            SignInGuard signIns,
            Clock clock,
            IdGenerator ids) {
        this.commands = commands;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.denylist = denylist;
        this.resetLinks = resetLinks;
        this.signIns = signIns;
        this.clock = clock;
        this.ids = ids;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    AuthResponse register(@Valid @RequestBody RegisterRequest request) {
        UserId userId = UserId.of(ids.generateId().toString());
        String hash = passwords.hash("password", request.password());
        Instant now = clock.instant();
        commands.sendAndWait(new RegisterUser(userId, request.email(), request.name(), hash, Role.USER, now));
        return signedIn(users.awaitChange(userId, now), 0);
    }

    @PostMapping("/login")
    AuthResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        signIns.heldBack(request.email(), address).ifPresent(wait -> {
            throw ApiProblem.retryAfter(
                    ProblemType.RATE_LIMITED,
                    "Too many failed sign-ins for this account; " + "try again in " + Math.max(1, wait.toSeconds() + 1)
                            + " s",
                    wait);
        });
        Optional<Credentials> credentials = users.credentials(request.email());
        boolean matches = passwords.matches(
                request.password(), credentials.map(Credentials::passwordHash).orElse(null));
        if (!matches || !credentials.get().active()) {
            signIns.failed(request.email());
            throw new ApiProblem(ProblemType.INVALID_CREDENTIALS, WRONG_CREDENTIALS);
        }
        signIns.succeeded(request.email(), address);
        UserView user = users.find(credentials.get().userId())
                .orElseThrow(() -> new ApiProblem(ProblemType.INVALID_CREDENTIALS, WRONG_CREDENTIALS));
        return signedIn(user, credentials.get().credentialsVersion());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal AuthenticatedUser caller) {
        denylist.revoke(caller.tokenId(), caller.expiresAt());
    }

    @GetMapping("/me")
    UserResponse me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return users.find(caller.userId())
                .map(UserResponse::from)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such user"));
    }

    @PutMapping("/profile")
    UserResponse updateProfile(
            @AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody ProfileRequest request) {
        Instant now = clock.instant();
        Boolean changed = commands.sendAndWait(new UpdateProfile(caller.userId(), request.name(), now));
        return UserResponse.from(users.afterCommand(caller.userId(), now, changed));
    }

    /** Every token of the account, this one included, is refused afterwards: sign in again. */
    @PostMapping("/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(
            @AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody ChangePasswordRequest request) {
        String currentHash = users.credentials(caller.userId())
                .map(Credentials::passwordHash)
                .orElse(null);
        if (!passwords.matches(request.currentPassword(), currentHash)) {
            throw ApiProblem.invalidField("currentPassword", "is not the account's password");
        }
        String newHash = passwords.hash("newPassword", request.newPassword());
        Instant now = clock.instant();
        commands.sendAndWait(new ChangePassword(caller.userId(), newHash, now));
        users.awaitChange(caller.userId(), now);
    }

    /** The same answer, at about the same time, whether or not an account has the address. */
    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request) {
        String token = ResetTokens.newToken();
        Instant now = clock.instant();
        resetLinks.issueInBackground(
                request.email(),
                token,
                new RequestPasswordReset(request.email(), ResetTokens.hash(token), now.plus(RESET_LINK_LIFETIME), now));
        return FORGOT_ANSWER;
    }

    @PostMapping("/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
        String newHash = passwords.hash("newPassword", request.newPassword());
        Instant now = clock.instant();
        UserId userId = commands.sendAndWait(new ResetPassword(ResetTokens.hash(request.token()), newHash, now));
        users.awaitChange(userId, now);
    }

    private AuthResponse signedIn(UserView user, int credentialsVersion) {
        IssuedToken token = tokens.issue(user.id(), user.role(), credentialsVersion);
        return new AuthResponse(token.token(), token.expiresAt(), UserResponse.from(user));
    }
}
