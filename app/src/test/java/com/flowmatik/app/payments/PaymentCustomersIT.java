package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.command.payment.checkout.PaymentCustomers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links of provider customers to users are remembered by each instance once committed (they never
 * change), and only then: a link made in a transaction that rolled back was never made.
 */
class PaymentCustomersIT extends IntegrationTest {

    @Autowired
    PaymentCustomers customers;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCommittedLinkIsRememberedAndAnswersWithoutItsRow() {
        UserId user = UserId.of(UUID.randomUUID().toString());
        String customer = "cus_" + UUID.randomUUID();

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> customers.remember(PaymentProvider.STRIPE, customer, user));
        assertThat(customers.userFor(PaymentProvider.STRIPE, customer)).contains(user);

        // the row gone (no code does this; the test does, to see where the answer comes from)
        jdbc.update("DELETE FROM payment_customer WHERE customer_id = ?", customer);

        assertThat(customers.userFor(PaymentProvider.STRIPE, customer)).contains(user);
        assertThat(customers.customerOf(PaymentProvider.STRIPE, user)).contains(customer);
    }

    @Test
    void aLinkMadeInATransactionThatRolledBackIsNotRemembered() {
        UserId user = UserId.of(UUID.randomUUID().toString());
        String customer = "cus_" + UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            customers.remember(PaymentProvider.STRIPE, customer, user);
            assertThat(customers.userFor(PaymentProvider.STRIPE, customer)).contains(user); // its own row
            status.setRollbackOnly();
        });

        assertThat(customers.userFor(PaymentProvider.STRIPE, customer)).isEmpty();
        assertThat(customers.customerOf(PaymentProvider.STRIPE, user)).isEmpty();
    }
}
