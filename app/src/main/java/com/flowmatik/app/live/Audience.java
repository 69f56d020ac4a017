package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.app.web.ApiProblem;
import java.util.Arrays;
import java.util.Locale;

/**
 * Who an operator's broadcast is for: {@code all}, {@code plan:<free|starter|pro|business>} (the
 * users on that plan when it is sent) or {@code user:<userId>}.
 */
sealed interface Audience {

    /** The wire form, as the operator wrote it. */
    String wireName();

    record Everyone() implements Audience {
        @Override
        public String wireName() {
            return "all";
        }
    }

    record OnPlan(Plan plan) implements Audience {
        @Override
        public String wireName() {
            return "plan:" + plan.wireName();
        }
    }

    record OneUser(UserId userId) implements Audience {
        @Override
        public String wireName() {
            return "user:" + userId.value();
        }
    }

    static Audience parse(String audience) {
        String value = audience == null ? "" : audience.trim();
        if (value.equals("all")) {
            return new Everyone();
        }
        if (value.startsWith("plan:")) {
            String plan = value.substring("plan:".length()).toLowerCase(Locale.ROOT);
            return Arrays.stream(Plan.values())
                    .filter(candidate -> candidate.wireName().equals(plan))
                    .findFirst()
                    .<Audience>map(OnPlan::new)
                    .orElseThrow(() -> invalid());
        }
        if (value.startsWith("user:") && !value.substring("user:".length()).isBlank()) {
            return new OneUser(UserId.of(value.substring("user:".length()).trim()));
        }
        throw invalid();
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidField("audience", "must be all, plan:<free|starter|pro|business> or user:<userId>");
    }
}
