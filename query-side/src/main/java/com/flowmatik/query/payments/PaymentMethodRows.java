package com.flowmatik.query.payments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentMethodRows extends JpaRepository<PaymentMethodRow, PaymentMethodRow.Key> {

    List<PaymentMethodRow> findByUserIdOrderByAttachedAtDescPaymentMethodIdDesc(String userId);
}
