package com.flowmatik.query.payments;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRows extends JpaRepository<SubscriptionRow, String> {}
