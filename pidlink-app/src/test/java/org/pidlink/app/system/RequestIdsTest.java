package org.pidlink.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aNewIdIsARandomVersion4UuidAndNoTwoAreAlike() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aProxysPlainIdIsKeptAndAnythingElseReplaced() {
        assertThat(RequestIds.idOf("nginx-7f3a9c")).isEqualTo("nginx-7f3a9c");
        assertThat(RequestIds.idOf("a\" fake=\"log line")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.idOf(null)).matches("[0-9a-f-]{36}");
    }
}
