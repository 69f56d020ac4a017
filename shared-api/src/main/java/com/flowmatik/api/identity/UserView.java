package com.flowmatik.api.identity;

import com.flowmatik.api.plan.Plan;
import java.time.Instant;

/** A user as the read side shows them to the user themself and to operators. */
public record UserView(
        UserId id,
        String email,
        String name,
        Role role,
        Plan plan,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {}
