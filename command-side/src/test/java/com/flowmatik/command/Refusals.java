package com.flowmatik.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Matches an aggregate's refusal by its error code, the part a client sees as the problem type. */
public final class Refusals {

    private Refusals() {}

    public static Matcher<Throwable> refusal(ErrorCode code) {
        Matcher<Throwable> hasCode = new FeatureMatcher<>(equalTo(code), "refusal code", "code") {
            @Override
            protected ErrorCode featureValueOf(Throwable actual) {
                return ((BusinessRuleViolation) actual).code();
            }
        };
        return allOf(instanceOf(BusinessRuleViolation.class), hasCode);
    }
}
