package com.flowmatik.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.conversation.ChatMessage;
import com.flowmatik.api.conversation.CompleteChatTurn;
import com.flowmatik.api.conversation.ConversationDeleted;
import com.flowmatik.api.conversation.ConversationRenamed;
import com.flowmatik.api.conversation.ConversationStarted;
import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.DeleteConversation;
import com.flowmatik.api.conversation.FindConversation;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.conversation.MessageAdded;
import com.flowmatik.api.conversation.ReadConversation;
import com.flowmatik.api.conversation.RecordChatTurn;
import com.flowmatik.api.conversation.RenameConversation;
import com.flowmatik.api.conversation.TranscriptMessage;
import com.flowmatik.api.identity.AccountStatus;
import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.ApiKeySummary;
import com.flowmatik.api.identity.ChangePassword;
import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.ChangeRole;
import com.flowmatik.api.identity.CreateApiKey;
import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.DeactivateUser;
import com.flowmatik.api.identity.FindAccountStatus;
import com.flowmatik.api.identity.FindApiKeys;
import com.flowmatik.api.identity.FindCredentials;
import com.flowmatik.api.identity.FindUser;
import com.flowmatik.api.identity.PasswordChanged;
import com.flowmatik.api.identity.PasswordReset;
import com.flowmatik.api.identity.PasswordResetRequested;
import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.ProfileUpdated;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.RequestPasswordReset;
import com.flowmatik.api.identity.ResetPassword;
import com.flowmatik.api.identity.RevokeApiKey;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UpdateProfile;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.api.payment.AbandonCheckout;
import com.flowmatik.api.payment.AttachPaymentMethod;
import com.flowmatik.api.payment.BeginCheckout;
import com.flowmatik.api.payment.CheckoutAbandoned;
import com.flowmatik.api.payment.CheckoutBegun;
import com.flowmatik.api.payment.DetachPaymentMethod;
import com.flowmatik.api.payment.ExpireSubscription;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.Invoice;
import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentMethod;
import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentMethodDetached;
import com.flowmatik.api.payment.PaymentOutcome;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.ProviderSubscription;
import com.flowmatik.api.payment.RecordPayment;
import com.flowmatik.api.payment.ScheduleCancellation;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPastDue;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionReactivated;
import com.flowmatik.api.payment.SubscriptionRenewed;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStateConfirmed;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SubscriptionView;
import com.flowmatik.api.payment.SyncSubscription;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import com.flowmatik.api.usage.AbandonAiRequest;
import com.flowmatik.api.usage.AiRequestCompleted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.ChangeDailyLimits;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.DailyUsage;
import com.flowmatik.api.usage.FailAiRequest;
import com.flowmatik.api.usage.FindOpenAiRequests;
import com.flowmatik.api.usage.FindUsage;
import com.flowmatik.api.usage.OpenAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.QuotaLimit;
import com.flowmatik.api.usage.RecordUsage;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import com.flowmatik.api.usage.UsageReport;
import com.flowmatik.api.usage.UsageToRecord;
import com.flowmatik.api.webhook.FindFailedWebhooks;
import com.flowmatik.api.webhook.ReceiveWebhook;
import com.flowmatik.api.webhook.RecordWebhookOutcome;
import com.flowmatik.api.webhook.RetryWebhook;
import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import com.flowmatik.api.webhook.WebhookReceived;
import com.flowmatik.api.webhook.WebhookRetryRequested;
import com.flowmatik.api.webhook.WebhookStatus;
import com.flowmatik.api.webhook.WebhookToProcess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every message travels as JSON and every event is stored as JSON, through the serializer Axon builds
 * for {@code axon.serializer.*=jackson3}. Each message must come back equal to what went in, and the
 * stored form of each event is pinned here, so that a renamed field fails a test instead of leaving
 * history that no longer loads.
 */
class MessageJsonTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final String BCRYPT_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final String BODY_HASH = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final Instant REGISTERED_AT = Instant.parse("2026-03-01T09:30:00.123456Z");

    private static final Instant PERIOD_END = Instant.parse("2026-04-01T09:30:00Z");
    private static final ProviderSubscription STRIPE_SUBSCRIPTION = new ProviderSubscription(
            PaymentProvider.STRIPE,
            "sub_1",
            "cus_1",
            Plan.STARTER,
            Money.usd(1900),
            SubscriptionStatus.ACTIVE,
            PERIOD_END,
            false);
    private static final Invoice INVOICE = new Invoice(
            PaymentProvider.STRIPE,
            "in_1",
            "F00-0001",
            "sub_1",
            Money.usd(1900),
            List.of(new InvoiceLine("Starter × 1", 1, Money.usd(1900))),
            REGISTERED_AT);

    private static final UserId BABBAGE = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final String RESET_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String API_KEY_HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
    private static final UserRegistered ADA_REGISTERED =
            new UserRegistered(ADA, "ada@example.com", "Ada Lovelace", BCRYPT_HASH, Role.USER, REGISTERED_AT);

    private static final String ADA_REGISTERED_AS_STORED = """
            {
              "userId": "0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d",
              "email": "ada@example.com",
              "name": "Ada Lovelace",
              "passwordHash": "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
              "role": "USER",
              "registeredAt": "2026-03-01T09:30:00.123456Z"
            }
            """;

    private static final UsageRecorded ADA_USAGE_RECORDED = new UsageRecorded(
            ADA,
            List.of(new RecordedUsage(
                    "evt-1", BODY_HASH, "req-6", "deepseek-ai/DeepSeek-V3", 120, 80, 345, REGISTERED_AT, true)),
            REGISTERED_AT.plusSeconds(60));

    private static final String ADA_USAGE_RECORDED_AS_STORED = """
            {
              "userId": "0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d",
              "items": [{
                "eventId": "evt-1",
                "bodyHash": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                "requestId": "req-6",
                "model": "deepseek-ai/DeepSeek-V3",
                "promptTokens": 120,
                "completionTokens": 80,
                "costMicros": 345,
                "occurredAt": "2026-03-01T09:30:00.123456Z",
                "overQuota": true
              }],
              "recordedAt": "2026-03-01T09:31:00.123456Z"
            }
            """;

    private static final CheckoutBegun ADA_CHECKOUT_BEGUN = new CheckoutBegun(
            ADA, PaymentProvider.STRIPE, Plan.PRO, "attempt-1", REGISTERED_AT, REGISTERED_AT.plusSeconds(1_860));

    private static final String ADA_CHECKOUT_BEGUN_AS_STORED = """
            {
              "userId": "0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d",
              "provider": "STRIPE",
              "plan": "PRO",
              "attemptId": "attempt-1",
              "begunAt": "2026-03-01T09:30:00.123456Z",
              "expiresAt": "2026-03-01T10:01:00.123456Z"
            }
            """;

    private static final CheckoutAbandoned ADA_CHECKOUT_ABANDONED = new CheckoutAbandoned(
            ADA, "attempt-1", "Stripe answered 500 when asked to create a checkout session", REGISTERED_AT);

    private static final String ADA_CHECKOUT_ABANDONED_AS_STORED = """
            {
              "userId": "0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d",
              "attemptId": "attempt-1",
              "reason": "Stripe answered 500 when asked to create a checkout session",
              "abandonedAt": "2026-03-01T09:30:00.123456Z"
            }
            """;

    /*
     * Which records are events: every record in com.flowmatik.api.. except the commands, queries,
     * results and value types named here. A naming rule ("ends in -ed") would miss facts in irregular
     * past tense such as InvoicePaid or ResetLinkSent. With this list a new record counts as an event
     * until someone says otherwise, so a new event without @Revision fails, and a new command or query
     * costs one deliberate line here.
     */
    private static final Set<Class<?>> NOT_EVENTS = Set.of(
            RegisterUser.class,
            FindUser.class,
            FindCredentials.class,
            Credentials.class,
            UserView.class,
            UserId.class,
            UpdateProfile.class,
            ChangePassword.class,
            RequestPasswordReset.class,
            ResetPassword.class,
            ChangeRole.class,
            DeactivateUser.class,
            FindAccountStatus.class,
            AccountStatus.class,
            DailyLimits.class,
            StartAiRequest.class,
            QuotaDecision.class,
            CompleteAiRequest.class,
            FailAiRequest.class,
            AbandonAiRequest.class,
            FindOpenAiRequests.class,
            OpenAiRequest.class,
            ChangeDailyLimits.class,
            FindUsage.class,
            DailyUsage.class,
            UsageReport.class,
            ChatMessage.class,
            ReadConversation.class,
            RecordChatTurn.class,
            CompleteChatTurn.class,
            FindConversations.class,
            ConversationSummary.class,
            ChangePlan.class,
            RenameConversation.class,
            DeleteConversation.class,
            FindConversation.class,
            ConversationTranscript.class,
            TranscriptMessage.class,
            Money.class,
            ProviderSubscription.class,
            SyncSubscription.class,
            ScheduleCancellation.class,
            ExpireSubscription.class,
            BeginCheckout.class,
            AbandonCheckout.class,
            InvoiceLine.class,
            Invoice.class,
            RecordPayment.class,
            PaymentMethod.class,
            AttachPaymentMethod.class,
            DetachPaymentMethod.class,
            FindSubscription.class,
            SubscriptionView.class,
            ReceiveWebhook.class,
            RecordWebhookOutcome.class,
            RetryWebhook.class,
            WebhookToProcess.class,
            FindFailedWebhooks.class,
            CreateApiKey.class,
            RevokeApiKey.class,
            FindApiKeys.class,
            ApiKeySummary.class,
            RecordUsage.class,
            UsageToRecord.class,
            RecordedUsage.class,
            Refusal.class);

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.flowmatik.api");

    /**
     * As Axon's Spring Boot auto-configuration builds it for {@code jackson3}. The app's customizer only
     * restricts polymorphic typing, which no message uses.
     */
    private final Jackson3Serializer serializer = Jackson3Serializer.builder()
            .revisionResolver(new AnnotationRevisionResolver())
            .build();

    static Stream<Object> messages() {
        Stream<Object> records = Stream.of(
                new RegisterUser(ADA, "Ada@Example.com", "Ada Lovelace", BCRYPT_HASH, Role.ADMIN, REGISTERED_AT),
                new RegisterUser(ADA, "ada@example.com", "Ada", BCRYPT_HASH, null, REGISTERED_AT),
                ADA_REGISTERED,
                new FindUser(ADA),
                FindCredentials.byEmail("ada@example.com"),
                FindCredentials.byUserId(ADA),
                new Credentials(ADA, BCRYPT_HASH, Role.PREMIUM, true, 2),
                new UpdateProfile(ADA, "Ada King", REGISTERED_AT),
                new ProfileUpdated(ADA, "Ada King", REGISTERED_AT),
                new ChangePassword(ADA, BCRYPT_HASH, REGISTERED_AT),
                new PasswordChanged(ADA, BCRYPT_HASH, REGISTERED_AT),
                new RequestPasswordReset("ada@example.com", RESET_HASH, REGISTERED_AT.plusSeconds(1800), REGISTERED_AT),
                new PasswordResetRequested(ADA, RESET_HASH, REGISTERED_AT.plusSeconds(1800), REGISTERED_AT),
                new ResetPassword(RESET_HASH, BCRYPT_HASH, REGISTERED_AT),
                new PasswordReset(ADA, BCRYPT_HASH, REGISTERED_AT),
                new ChangeRole(ADA, Role.PREMIUM, BABBAGE, REGISTERED_AT),
                new RoleChanged(ADA, Role.PREMIUM, BABBAGE, REGISTERED_AT),
                new DeactivateUser(ADA, BABBAGE, REGISTERED_AT),
                new UserDeactivated(ADA, BABBAGE, REGISTERED_AT),
                new FindAccountStatus(ADA),
                new AccountStatus(ADA, Role.ADMIN, true, 3),
                new CreateApiKey(ADA, "key-1", "CI", "fmk_AbCd", API_KEY_HASH, REGISTERED_AT),
                new ApiKeyCreated(ADA, "key-1", "CI", "fmk_AbCd", API_KEY_HASH, REGISTERED_AT),
                new RevokeApiKey(ADA, "key-1", REGISTERED_AT),
                new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.BY_USER, REGISTERED_AT),
                new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.PLAN_DOWNGRADED, REGISTERED_AT),
                new FindApiKeys(ADA),
                new ApiKeySummary("key-1", "CI", "fmk_AbCd", REGISTERED_AT, null),
                new ApiKeySummary("key-1", "CI", "fmk_AbCd", REGISTERED_AT, REGISTERED_AT.plusSeconds(60)),
                new DailyLimits(100L, 50_000L),
                DailyLimits.unlimited(),
                new Refusal(ErrorCode.VALIDATION, "email"),
                new Refusal(ErrorCode.NOT_FOUND, null),
                new StartAiRequest(
                        ADA, "req-1", "parent-1", RequestKind.CONTENT, "deepseek-ai/DeepSeek-V3", REGISTERED_AT),
                QuotaDecision.allow(),
                QuotaDecision.refuse(QuotaLimit.REQUESTS, 100, 100, REGISTERED_AT.plusSeconds(3600)),
                new AiRequestStarted(ADA, "req-1", null, RequestKind.CHAT, "deepseek-ai/DeepSeek-V3", REGISTERED_AT),
                new DailyQuotaExceeded(
                        ADA,
                        "req-2",
                        "offline",
                        QuotaLimit.TOKENS,
                        50_000,
                        50_012,
                        REGISTERED_AT,
                        REGISTERED_AT.plusSeconds(3600)),
                new CompleteAiRequest(ADA, "req-1", "deepseek-ai/DeepSeek-V3", 120, 80, 12, true, 345, REGISTERED_AT),
                new AiRequestCompleted(ADA, "req-1", "deepseek-ai/DeepSeek-V3", 120, 80, 12, true, REGISTERED_AT),
                new TokensCharged(ADA, "req-1", "deepseek-ai/DeepSeek-V3", 120, 80, 345, true, REGISTERED_AT),
                new UsageToRecord("evt-1", BODY_HASH, "req-6", "deepseek-ai/DeepSeek-V3", 120, 80, 345, REGISTERED_AT),
                new RecordUsage(
                        ADA,
                        List.of(new UsageToRecord(
                                "evt-1", BODY_HASH, "req-6", "deepseek-ai/DeepSeek-V3", 120, 80, 345, REGISTERED_AT)),
                        REGISTERED_AT),
                new RecordedUsage(
                        "evt-1", BODY_HASH, "req-6", "deepseek-ai/DeepSeek-V3", 120, 80, 345, REGISTERED_AT, false),
                new UsageRecorded(
                        ADA,
                        List.of(
                                new RecordedUsage(
                                        "evt-1",
                                        BODY_HASH,
                                        "req-6",
                                        "deepseek-ai/DeepSeek-V3",
                                        120,
                                        80,
                                        345,
                                        REGISTERED_AT,
                                        false),
                                new RecordedUsage(
                                        "evt-2", BODY_HASH, "req-7", "offline", 0, 5, 0, REGISTERED_AT, true)),
                        REGISTERED_AT.plusSeconds(60)),
                new FailAiRequest(
                        ADA,
                        "req-3",
                        "deepseek-ai/DeepSeek-V3",
                        "provider-error",
                        10,
                        0,
                        3,
                        true,
                        REGISTERED_AT,
                        REGISTERED_AT),
                new AiRequestFailed(ADA, "req-3", "deepseek-ai/DeepSeek-V3", "provider-error", REGISTERED_AT),
                new AiRequestNotServed(ADA, "req-4", "deepseek-ai/DeepSeek-V3", REGISTERED_AT, REGISTERED_AT),
                new AbandonAiRequest(ADA, "req-5", "deepseek-ai/DeepSeek-V3", REGISTERED_AT, REGISTERED_AT),
                new FindOpenAiRequests(REGISTERED_AT, 100),
                new OpenAiRequest(ADA, "req-5", "deepseek-ai/DeepSeek-V3", REGISTERED_AT),
                new ChangeDailyLimits(ADA, Plan.STARTER, Plan.STARTER.dailyLimits(), REGISTERED_AT),
                new DailyLimitsChanged(ADA, Plan.BUSINESS, DailyLimits.unlimited(), REGISTERED_AT),
                new ChatMessage("user", "Hello"),
                new ReadConversation("conv-1", ADA),
                new RecordChatTurn("conv-1", ADA, "req-1", "offline", "Hello", "Hi Ada", REGISTERED_AT),
                new CompleteChatTurn(
                        new CompleteAiRequest(ADA, "req-1", "offline", 3, 4, 0, true, 0, REGISTERED_AT),
                        new RecordChatTurn("conv-1", ADA, "req-1", "offline", "Hello", "Hi Ada", REGISTERED_AT),
                        true),
                new ConversationStarted("conv-1", ADA, "Hello", REGISTERED_AT),
                new MessageAdded("conv-1", ADA, "req-1", "assistant", "Hi Ada", "offline", REGISTERED_AT),
                new FindConversations(ADA),
                new ConversationSummary("conv-1", "Hello", 2, REGISTERED_AT),
                new RenameConversation("conv-1", ADA, "Greetings", REGISTERED_AT),
                new ConversationRenamed("conv-1", ADA, "Greetings", REGISTERED_AT),
                new DeleteConversation("conv-1", ADA, REGISTERED_AT),
                new ConversationDeleted("conv-1", ADA, REGISTERED_AT),
                new FindConversation("conv-1", ADA),
                new TranscriptMessage("assistant", "Hi Ada", REGISTERED_AT, "req-1"),
                new ConversationTranscript(
                        "conv-1",
                        "Hello",
                        REGISTERED_AT,
                        REGISTERED_AT.plusSeconds(5),
                        List.of(new TranscriptMessage("user", "Hello", REGISTERED_AT, "req-1"))),
                new FindUsage(ADA, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)),
                new DailyUsage(LocalDate.of(2026, 3, 1), 3, 120, 80, 345),
                new UsageReport(
                        Plan.FREE,
                        Plan.FREE.dailyLimits(),
                        new DailyUsage(LocalDate.of(2026, 3, 1), 3, 120, 80, 345),
                        List.of(new DailyUsage(LocalDate.of(2026, 2, 28), 1, 10, 5, 7))),
                new UserView(
                        ADA,
                        "ada@example.com",
                        "Ada Lovelace",
                        Role.USER,
                        Plan.PRO,
                        false,
                        REGISTERED_AT,
                        REGISTERED_AT.plusSeconds(60)),
                ADA,
                new ChangePlan(ADA, Plan.PRO, PaymentProvider.MANUAL, BABBAGE, REGISTERED_AT),
                new ChangePlan(ADA, Plan.STARTER, PaymentProvider.STRIPE, null, REGISTERED_AT),
                new PlanChanged(
                        ADA, null, Plan.PRO, Plan.PRO.dailyLimits(), PaymentProvider.MANUAL, BABBAGE, REGISTERED_AT),
                new PlanChanged(
                        ADA,
                        Plan.PRO,
                        Plan.BUSINESS,
                        DailyLimits.unlimited(),
                        PaymentProvider.STRIPE,
                        null,
                        REGISTERED_AT),
                new RoleChanged(ADA, Role.PREMIUM, null, REGISTERED_AT),
                Money.usd(1900),
                STRIPE_SUBSCRIPTION,
                new SyncSubscription(ADA, STRIPE_SUBSCRIPTION, REGISTERED_AT, true),
                new ScheduleCancellation(ADA, REGISTERED_AT),
                new ExpireSubscription(ADA, PERIOD_END, PERIOD_END),
                new BeginCheckout(ADA, PaymentProvider.LEMONSQUEEZY, Plan.STARTER, "attempt-1", REGISTERED_AT),
                new AbandonCheckout(ADA, "attempt-1", "LemonSqueezy answered 422", REGISTERED_AT),
                ADA_CHECKOUT_BEGUN,
                ADA_CHECKOUT_ABANDONED,
                new InvoiceLine("Starter × 1", 1, Money.usd(1900)),
                INVOICE,
                new RecordPayment(ADA, INVOICE, PaymentOutcome.SUCCEEDED, null, REGISTERED_AT),
                new RecordPayment(ADA, INVOICE, PaymentOutcome.FAILED, "card_declined", REGISTERED_AT),
                new PaymentMethod(PaymentProvider.STRIPE, "pm_1", "visa", "4242", 12, 2030),
                new AttachPaymentMethod(
                        ADA,
                        new PaymentMethod(PaymentProvider.STRIPE, "pm_1", "visa", "4242", 12, 2030),
                        REGISTERED_AT),
                new DetachPaymentMethod(ADA, PaymentProvider.STRIPE, "pm_1", REGISTERED_AT),
                new FindSubscription(ADA),
                SubscriptionView.free(),
                new SubscriptionView(
                        Plan.STARTER, SubscriptionStatus.ACTIVE, PaymentProvider.LEMONSQUEEZY, "77", PERIOD_END, true),
                new SubscriptionStarted(
                        ADA,
                        PaymentProvider.STRIPE,
                        "sub_1",
                        "cus_1",
                        Plan.STARTER,
                        Money.usd(1900),
                        SubscriptionStatus.ACTIVE,
                        PERIOD_END,
                        false,
                        REGISTERED_AT),
                new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.PRO, Money.usd(3900), REGISTERED_AT),
                new SubscriptionRenewed(ADA, PERIOD_END, PERIOD_END.plusSeconds(2_592_000), PERIOD_END),
                new SubscriptionCancellationScheduled(ADA, PERIOD_END, REGISTERED_AT),
                new SubscriptionResumed(ADA, REGISTERED_AT),
                new SubscriptionPastDue(ADA, REGISTERED_AT),
                new SubscriptionReactivated(ADA, REGISTERED_AT),
                new SubscriptionCanceled(ADA, Plan.PRO, "period ended", PERIOD_END),
                new SubscriptionStateConfirmed(ADA, REGISTERED_AT),
                new InvoiceIssued(
                        ADA,
                        PaymentProvider.STRIPE,
                        "in_1",
                        "F00-0001",
                        "sub_1",
                        Money.usd(1900),
                        List.of(new InvoiceLine("Starter × 1", 1, Money.usd(1900))),
                        REGISTERED_AT),
                new PaymentSucceeded(ADA, PaymentProvider.STRIPE, "in_1", Money.usd(1900), REGISTERED_AT),
                new PaymentFailed(
                        ADA, PaymentProvider.LEMONSQUEEZY, "ls-inv-1", Money.usd(3900), "card_declined", REGISTERED_AT),
                new PaymentMethodAttached(ADA, PaymentProvider.STRIPE, "pm_1", "visa", "4242", 12, 2030, REGISTERED_AT),
                new PaymentMethodDetached(ADA, PaymentProvider.STRIPE, "pm_1", REGISTERED_AT),
                new ReceiveWebhook(
                        "stripe:evt_1", PaymentProvider.STRIPE, "invoice.paid", "{\"id\":\"evt_1\"}", REGISTERED_AT),
                new WebhookReceived(
                        "stripe:evt_1", PaymentProvider.STRIPE, "invoice.paid", "{\"id\":\"evt_1\"}", REGISTERED_AT),
                new RecordWebhookOutcome("stripe:evt_1", WebhookStatus.FAILED, ADA, "no such user", REGISTERED_AT),
                new WebhookProcessed("stripe:evt_1", PaymentProvider.STRIPE, "invoice.paid", ADA, true, REGISTERED_AT),
                new WebhookProcessed(
                        "stripe:evt_2", PaymentProvider.STRIPE, "charge.refunded", null, false, REGISTERED_AT),
                new WebhookProcessingFailed(
                        "stripe:evt_1",
                        PaymentProvider.STRIPE,
                        "invoice.paid",
                        null,
                        "no user for customer cus_9",
                        1,
                        REGISTERED_AT),
                new RetryWebhook("stripe:evt_1", BABBAGE, REGISTERED_AT),
                new WebhookRetryRequested("stripe:evt_1", null, REGISTERED_AT),
                new WebhookToProcess("stripe:evt_1", PaymentProvider.STRIPE, "invoice.paid", "{}"),
                new FindFailedWebhooks());
        Stream<Object> enumConstants = Stream.of(
                        Role.values(),
                        Plan.values(),
                        ErrorCode.values(),
                        RequestKind.values(),
                        QuotaLimit.values(),
                        PaymentProvider.values(),
                        SubscriptionStatus.values(),
                        PaymentOutcome.values(),
                        WebhookStatus.values())
                .flatMap(Arrays::stream);
        return Stream.concat(records, enumConstants);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void everyMessageComesBackFromItsJsonEqualToWhatWentIn(Object message) {
        Object loaded = serializer.deserialize(serializer.serialize(message, String.class));

        assertThat(loaded).isEqualTo(message);
    }

    @Test
    void everyRecordAndEnumOfTheApiHasARoundTripSample() {
        Set<String> sampled =
                messages().map(message -> message.getClass().getName()).collect(Collectors.toSet());
        Set<String> declared = API.stream()
                .filter(type -> type.isRecord() || type.isEnum())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(sampled).containsAll(declared);
    }

    @Test
    void everyEventCarriesARevision() {
        classes()
                .that()
                .resideInAPackage("com.flowmatik.api..")
                .and()
                .areRecords()
                .and()
                .doNotBelongToAnyOf(NOT_EVENTS.toArray(Class<?>[]::new))
                .should()
                .beAnnotatedWith(Revision.class)
                .allowEmptyShould(false)
                .check(API);
    }

    @Test
    void userRegisteredIsStoredUnderExactlyItsSixFieldNames() {
        JsonNode stored =
                json(serializer.serialize(ADA_REGISTERED, String.class).getData());

        assertThat(stored.propertyNames())
                .containsExactly("userId", "email", "name", "passwordHash", "role", "registeredAt");
    }

    @Test
    void userRegisteredIsStoredAsThisJson() {
        JsonNode stored =
                json(serializer.serialize(ADA_REGISTERED, String.class).getData());

        assertThat(stored).isEqualTo(json(ADA_REGISTERED_AS_STORED));
    }

    @Test
    void userRegisteredIsStoredUnderItsClassNameAtRevisionOne() {
        SerializedObject<String> stored = serializer.serialize(ADA_REGISTERED, String.class);

        assertThat(stored.getType().getName()).isEqualTo("com.flowmatik.api.identity.UserRegistered");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void aStoredUserRegisteredLoadsAsTheEvent() {
        SerializedObject<String> stored = new SimpleSerializedObject<>(
                ADA_REGISTERED_AS_STORED, String.class, UserRegistered.class.getName(), "1");

        Object loaded = serializer.deserialize(stored);

        assertThat(loaded).isEqualTo(ADA_REGISTERED);
    }

    @Test
    void usageRecordedIsStoredAsThisJsonAndLoadsBackAsTheEvent() {
        JsonNode stored =
                json(serializer.serialize(ADA_USAGE_RECORDED, String.class).getData());
        Object loaded = serializer.deserialize(new SimpleSerializedObject<>(
                ADA_USAGE_RECORDED_AS_STORED, String.class, UsageRecorded.class.getName(), "1"));

        assertThat(stored).isEqualTo(json(ADA_USAGE_RECORDED_AS_STORED));
        assertThat(loaded).isEqualTo(ADA_USAGE_RECORDED);
    }

    @Test
    void checkoutBegunIsStoredAsThisJsonAndLoadsBackAsTheEvent() {
        storedAsAndLoadsBack(ADA_CHECKOUT_BEGUN, ADA_CHECKOUT_BEGUN_AS_STORED);
    }

    @Test
    void checkoutAbandonedIsStoredAsThisJsonAndLoadsBackAsTheEvent() {
        storedAsAndLoadsBack(ADA_CHECKOUT_ABANDONED, ADA_CHECKOUT_ABANDONED_AS_STORED);
    }

    /** Written under its class name at revision 1 as exactly this JSON, which loads as the event. */
    private void storedAsAndLoadsBack(Object event, String asStored) {
        SerializedObject<String> written = serializer.serialize(event, String.class);
        Object loaded = serializer.deserialize(new SimpleSerializedObject<>(
                asStored, String.class, event.getClass().getName(), "1"));

        assertThat(written.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(written.getType().getRevision()).isEqualTo("1");
        assertThat(json(written.getData())).isEqualTo(json(asStored));
        assertThat(loaded).isEqualTo(event);
    }

    @Test
    void aUserIdIsWrittenAsAPlainJsonString() {
        String written = serializer.serialize(ADA, String.class).getData();

        assertThat(written).isEqualTo("\"0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d\"");
        assertThat(json(serializer.serialize(ADA_REGISTERED, String.class).getData())
                        .get("userId")
                        .isString())
                .isTrue();
    }

    private JsonNode json(String text) {
        return serializer.getObjectMapper().readTree(text);
    }
}
