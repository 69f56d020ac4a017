package com.flowmatik.app.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.stereotype.Component;

/**
 * The health of one component as Actuator's own contributors report it, with their details,
 * whichever registry (blocking or reactive) holds the contributor. Nothing is checked twice: the
 * admin health view is made of what Actuator already knows.
 */
@Component
class ContributedHealth {

    private final HealthContributorRegistry contributors;
    private final ObjectProvider<ReactiveHealthContributorRegistry> reactiveContributors;

    ContributedHealth(
            HealthContributorRegistry contributors,
            ObjectProvider<ReactiveHealthContributorRegistry> reactiveContributors) {
        this.contributors = contributors;
        this.reactiveContributors = reactiveContributors;
    }

    /** Every contributor's name, blocking and reactive. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        contributors.stream().forEach(entry -> names.add(entry.name()));
        ReactiveHealthContributorRegistry reactive = reactiveContributors.getIfAvailable();
        if (reactive != null) {
            reactive.stream().forEach(entry -> names.add(entry.name()));
        }
        return names;
    }

    /** The named contributor's health with details; empty when there is no such contributor. */
    Optional<Health> of(String name) {
        return contributor(name).map(ContributedHealth::health);
    }

    private Optional<HealthContributor> contributor(String name) {
        HealthContributor contributor = contributors.getContributor(name);
        if (contributor != null) {
            return Optional.of(contributor);
        }
        ReactiveHealthContributorRegistry reactive = reactiveContributors.getIfAvailable();
        ReactiveHealthContributor reactiveContributor = reactive == null ? null : reactive.getContributor(name);
        return Optional.ofNullable(reactiveContributor).map(ReactiveHealthContributor::asHealthContributor);
    }

    private static Health health(HealthContributor contributor) {
        if (contributor instanceof HealthIndicator indicator) {
            return indicator.health(true);
        }
        if (contributor instanceof CompositeHealthContributor composite) {
            Map<String, Object> members = new LinkedHashMap<>();
            boolean allUp = true;
            for (var member : composite) {
                Health health = health(member.contributor());
                members.put(
                        member.name(), Map.of("status", health.getStatus().getCode(), "details", health.getDetails()));
                allUp &= Status.UP.equals(health.getStatus());
            }
            return (allUp ? Health.up() : Health.down()).withDetails(members).build();
        }
        return Health.unknown().build();
    }
}
