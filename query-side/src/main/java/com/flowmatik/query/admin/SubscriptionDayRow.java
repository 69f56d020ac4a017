package com.flowmatik.query.admin;

import com.flowmatik.api.payment.Money;
import com.flowmatik.api.plan.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One user's subscription as the MRR counts it (its plan, its recorded price, and whether it still renews) at the end of
 * a UTC day on which it changed. Per user, like {@link UserDayRow}, so one processor segment owns it.
 */
@Entity
@Table(name = "admin_subscription_day")
@IdClass(SubscriptionDayRow.Key.class)
class SubscriptionDayRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Id
    @Column(name = "metric_date")
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false, length = 16)
    private Plan plan;

    @Column(name = "live", nullable = false)
    private boolean live;

    @Column(name = "price_minor")
    private Long priceMinor;

    @Column(name = "currency", length = 3)
    private String currency;

    protected SubscriptionDayRow() {}

    SubscriptionDayRow(String userId, LocalDate date, Plan plan, Money price, boolean live) {
        this.userId = userId;
        this.date = date;
        this.plan = plan;
        this.priceMinor = price == null ? null : price.amount();
        this.currency = price == null ? null : price.currency();
        this.live = live;
    }

    String userId() {
        return userId;
    }

    LocalDate date() {
        return date;
    }

    Plan plan() {
        return plan;
    }

    boolean live() {
        return live;
    }

    /** The recorded monthly price; {@code null} only for a row no event priced. */
    Money price() {
        return priceMinor == null || currency == null ? null : new Money(priceMinor, currency);
    }

    /** The composite key: the user and the day. */
    record Key(String userId, LocalDate date) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
