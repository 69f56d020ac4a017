package com.flowmatik.query.admin;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LiveSubscriptionRows extends JpaRepository<LiveSubscriptionRow, String> {

    /** The recorded monthly prices of the live subscriptions sold in {@code currency}, added up. */
    @Query(
            "select coalesce(sum(s.priceMinor), 0) from LiveSubscriptionRow s where s.live = true and s.currency = :currency")
    long sumLivePrices(@Param("currency") String currency);
}
