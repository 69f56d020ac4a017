package com.flowmatik.app.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.AiProvider;
import com.flowmatik.command.ai.provider.ChatCompletion;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ChatRequest;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running platform has one AI provider and a catalogue that agree: the default chat model is
 * served by the provider that was wired, which answers it with usage.
 */
class AiProviderWiringIT extends IntegrationTest {

    @Autowired
    AiProvider provider;

    @Autowired
    ModelCatalogue catalogue;

    @Test
    void theWiredProviderAnswersTheCataloguesDefaultChatModel() {
        AiModel model = catalogue.defaultChatModel();

        ChatCompletion completion =
                provider.complete(new ChatRequest(model.id(), List.of(ChatMessage.user("Hello")), null));

        assertThat(model.provider()).isEqualTo(provider.name());
        assertThat(catalogue.models())
                .allSatisfy(listed -> assertThat(listed.provider()).isEqualTo(provider.name()));
        assertThat(completion.content()).isNotBlank();
        assertThat(completion.usage().promptTokens()).isPositive();
    }
}
