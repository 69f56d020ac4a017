package com.flowmatik.command.webhook;

import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;

/**
 * A delivery that is not what a provider sends: a missing or wrong signature (or one dated outside the
 * tolerance), or, signed correctly, a body that is not an event.
 */
final class InvalidWebhook {

    private InvalidWebhook() {}

    static BusinessRuleViolation because(String reason) {
        return new BusinessRuleViolation(ErrorCode.INVALID_SIGNATURE, reason);
    }

    static BusinessRuleViolation payload(String reason) {
        return new BusinessRuleViolation(ErrorCode.INVALID_PAYLOAD, reason);
    }
}
