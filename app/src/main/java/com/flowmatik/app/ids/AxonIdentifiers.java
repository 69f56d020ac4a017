package com.flowmatik.app.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers of Axon's messages, from {@link RandomUuids}: Axon finds this factory through
 * {@code META-INF/services} instead of its default, which calls {@code UUID.randomUUID()}.
 */
public final class AxonIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomUuids.next().toString();
    }
}
