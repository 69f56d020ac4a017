package com.flowmatik.command.usage;

import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.usage.ChangeDailyLimits;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Carries a plan change's limits, as the account recorded them, to the user's usage account, which
 * enforces them. In the write side's subscribing {@code account-lookups} group, which propagates
 * errors: the limits change in the unit of work of the plan change, or neither does.
 */
@Component
@ProcessingGroup("account-lookups")
class PlanLimits {

    private final CommandGateway commands;

    PlanLimits(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PlanChanged event) {
        commands.sendAndWait(new ChangeDailyLimits(event.userId(), event.plan(), event.limits(), event.changedAt()));
    }
}
