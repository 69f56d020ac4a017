package com.flowmatik.app.security;

import com.flowmatik.app.live.LiveProcessing;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Drops an account from {@link AccountStatuses}, and adds or drops an API key in
 * {@link ApiKeyHolders}, when a change to it is stored, twice over:
 * <ul>
 *   <li>{@link Here}: as this instance's own unit of work commits the change, so the request that
 *       made it returns only once the next one sees it;
 *   <li>{@link Anywhere}: in the instance's own processor, which sees every instance's events
 *       (through the shared event store, or Axon Server), so a deactivation or a new password made
 *       elsewhere stops old tokens (and a revoked key) here within the processor's polling delay.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AccountChanges {

    static final String HERE = "account-status";

    @Bean
    ConfigurerModule accountChangesHere() {
        return configurer -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(HERE)
                .registerListenerInvocationErrorHandler(HERE, config -> PropagatingErrorHandler.instance());
    }

    @Component
    @ProcessingGroup(HERE)
    static class Here {

        private final AccountStatuses statuses;
        private final ApiKeyHolders keys;

        Here(AccountStatuses statuses, ApiKeyHolders keys) {
            this.statuses = statuses;
            this.keys = keys;
        }

        /** Every event passes here (a chat's too): only an account's change registers work for after commit. */
        @EventHandler
        void on(Object event) {
            if (AccountStatuses.accountChangedBy(event) != null || ApiKeyHolders.isKeyEvent(event)) {
                CurrentUnitOfWork.ifStarted(work -> work.afterCommit(committed -> {
                    statuses.changedBy(event);
                    keys.changedBy(event);
                }));
            }
        }
    }

    @Component
    @ProcessingGroup(LiveProcessing.GROUP)
    static class Anywhere {

        private final AccountStatuses statuses;
        private final ApiKeyHolders keys;

        Anywhere(AccountStatuses statuses, ApiKeyHolders keys) {
            this.statuses = statuses;
            this.keys = keys;
        }

        @EventHandler
        void on(Object event) {
            statuses.changedBy(event);
            keys.changedBy(event);
        }
    }
}
