package com.flowmatik.command.payment.checkout;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code payment_customer} table, by provider and customer id, or by provider and user. */
interface PaymentCustomerRecords extends JpaRepository<PaymentCustomer, PaymentCustomer.Key> {

    Optional<PaymentCustomer> findByProviderAndUserId(String provider, String userId);
}
