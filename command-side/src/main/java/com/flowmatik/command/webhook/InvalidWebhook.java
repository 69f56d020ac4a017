package com.flowmatik.command.webhook;

import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;

/** A delivery that is not what a provider signs: a missing or wrong signature, a body that is not an event. */
final class InvalidWebhook {

    private InvalidWebhook() {}

    static BusinessRuleViolation because(String reason) {
        return new BusinessRuleViolation(ErrorCode.INVALID_SIGNATURE, reason);
    }
}
