package com.flowmatik.app.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void idsAreRandomVersionFourUuids() {
        UUID id = RandomUuids.next();

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsAcrossManyDrawsAreDistinctAndAllVersionFour() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < RandomUuids.IDS_PER_DRAW * 5 + 3; i++) {
            UUID id = RandomUuids.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id);
        }

        assertThat(seen).hasSize(RandomUuids.IDS_PER_DRAW * 5 + 3);
    }

    @Test
    void threadsDrawingAtOnceNeverRepeatAnId() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 8).parallel().forEach(thread -> {
            for (int i = 0; i < 20_000; i++) {
                seen.add(RandomUuids.next());
            }
        });

        assertThat(seen).hasSize(160_000);
    }

    @Test
    void axonNamesItsMessagesWithThem() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(AxonIdentifiers.class);
        assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier())
                        .version())
                .isEqualTo(4);
    }
}
