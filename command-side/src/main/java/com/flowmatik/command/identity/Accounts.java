package com.flowmatik.command.identity;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.command.AggregateReader;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Who has an account, from the {@link UserAccount} aggregates themselves rather than the users read
 * model: a webhook naming a user, or a checkout telling the provider who pays, must not depend on a
 * projection that may lag or be replaying.
 */
@Component
public class Accounts {

    private final Repository<UserAccount> repository;
    private final AggregateReader reader;

    Accounts(Repository<UserAccount> repository, AggregateReader reader) {
        this.repository = repository;
        this.reader = reader;
    }

    /** The e-mail address and name on the user's account; empty when there is no such account. */
    public Optional<Contact> contact(UserId userId) {
        return reader.read(repository, userId.value(), UserAccount::contact);
    }

    public boolean exists(UserId userId) {
        return contact(userId).isPresent();
    }

    /** How to reach an account holder. */
    public record Contact(String email, String name) {}
}
