package com.flowmatik.app.operator;

import com.flowmatik.api.conversation.RecordChatTurn;
import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.Invoice;
import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentOutcome;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.ProviderSubscription;
import com.flowmatik.api.payment.RecordPayment;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SyncSubscription;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.app.auth.Passwords;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import com.flowmatik.command.ai.provider.OfflineProvider;
import com.flowmatik.command.ai.provider.TokenUsage;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * A month of business for a new install's dashboard: users on every plan, their chats day by day
 * (metered and priced like real ones), Stripe subscriptions with paid and failed invoices, and a
 * free user who keeps running into the daily token limit. All of it through the commands the API
 * and the webhooks send, dated in the past, so that it is events like everything else and every
 * projection shows it. Users that exist already are left alone, so a second run adds nothing twice.
 */
@Component
class DemoData {

    static final String PASSWORD = "demo-password";
    static final String DOMAIN = "@demo.flowmatik.test";

    /** Who, on which plan, since how many days ago, chatting how much. */
    record DemoUser(String name, Plan plan, int joinedDaysAgo, int chatsPerDay) {
        String email() {
            return name.toLowerCase(java.util.Locale.ROOT) + DOMAIN;
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("Ada", Plan.FREE, 29, 2),
            new DemoUser("Ben", Plan.FREE, 12, 1),
            new DemoUser("Cleo", Plan.FREE, 6, 2),
            new DemoUser("Dev", Plan.STARTER, 27, 4),
            new DemoUser("Eli", Plan.STARTER, 9, 3),
            new DemoUser("Fay", Plan.PRO, 25, 6),
            new DemoUser("Gus", Plan.PRO, 15, 4),
            new DemoUser("Hana", Plan.BUSINESS, 21, 7));

    private static final List<String[]> TURNS = List.of(
            new String[] {"Write a tagline for a neighbourhood bakery", "Fresh from our oven to your morning."},
            new String[] {"Outline a blog post about remote work", "1. Why it works 2. What it costs 3. How to start"},
            new String[] {
                "Three subject lines for a spring sale", "Spring into savings; Fresh deals bloom; 20% off, today only"
            },
            new String[] {
                "Summarise our refund policy in one sentence",
                "Unused items come back within 30 days, no questions asked."
            },
            new String[] {"Tweet announcing our new app", "Our app is live: plan, write and publish in one place."});

    private final CommandGateway commands;
    private final Passwords passwords;
    private final ModelCatalogue models;
    private final PlanCatalogue plans;
    private final IdGenerator ids;
    private final Clock clock;

    DemoData(
            CommandGateway commands,
            Passwords passwords,
            ModelCatalogue models,
            PlanCatalogue plans,
            IdGenerator ids,
            Clock clock) {
        this.commands = commands;
        this.passwords = passwords;
        this.models = models;
        this.plans = plans;
        this.ids = ids;
        this.clock = clock;
    }

    String load(PrintStream out) {
        Instant now = clock.instant();
        String hash = passwords.hash("password", PASSWORD);
        Random random = new Random(42);
        int loaded = 0;
        for (int i = 0; i < USERS.size(); i++) {
            DemoUser user = USERS.get(i);
            Instant joined = LocalDate.ofInstant(now, ZoneOffset.UTC)
                    .minusDays(user.joinedDaysAgo())
                    .atTime(8, 0)
                    .toInstant(ZoneOffset.UTC);
            UserId userId = UserId.of(ids.generateId().toString());
            if (!register(userId, user, hash, joined)) {
                out.println("  " + user.email() + " exists already: left as it is");
                continue;
            }
            if (user.plan() != Plan.FREE) {
                subscribe(userId, user, i, joined.plus(Duration.ofHours(1)));
            }
            int chats = chat(userId, user, joined, now, random);
            out.printf(
                    "  %-28s %-8s joined %2d days ago, %3d chats%n",
                    user.email(), user.plan().wireName(), user.joinedDaysAgo(), chats);
            loaded++;
        }
        return "Loaded " + loaded + " demo users (password: " + PASSWORD
                + "); the projections show them as they catch up";
    }

    private boolean register(UserId userId, DemoUser user, String hash, Instant joined) {
        try {
            commands.sendAndWait(new RegisterUser(userId, user.email(), user.name(), hash, null, joined));
            return true;
        } catch (CommandExecutionException refused) {
            if (Refusal.is(refused, ErrorCode.EMAIL_TAKEN)) {
                return false;
            }
            throw refused;
        }
    }

    /** What Stripe's webhooks would have said: the subscription started, then its first invoice. */
    private void subscribe(UserId userId, DemoUser user, int number, Instant at) {
        String subscription = "sub_demo_" + number;
        Money price = plans.offer(user.plan()).price();
        commands.sendAndWait(new SyncSubscription(
                userId,
                new ProviderSubscription(
                        PaymentProvider.STRIPE,
                        subscription,
                        "cus_demo_" + number,
                        user.plan(),
                        price,
                        SubscriptionStatus.ACTIVE,
                        at.plus(Duration.ofDays(30)),
                        false),
                at,
                true));
        // the subscription's own saga asks the same; sent here too so the chats below meet the new limits
        commands.sendAndWait(new ChangePlan(userId, user.plan(), PaymentProvider.STRIPE, null, at));
        List<InvoiceLine> lines =
                List.of(new InvoiceLine(plans.offer(user.plan()).name() + " × 1", 1, price));
        if (user.plan() == Plan.STARTER) {
            commands.sendAndWait(new RecordPayment(
                    userId,
                    new Invoice(
                            PaymentProvider.STRIPE,
                            "in_demo_" + number + "_a",
                            "DEMO-" + number + "-A",
                            subscription,
                            price,
                            lines,
                            at),
                    PaymentOutcome.FAILED,
                    "card_declined",
                    at));
        }
        Instant paid = at.plus(Duration.ofMinutes(5));
        commands.sendAndWait(new RecordPayment(
                userId,
                new Invoice(
                        PaymentProvider.STRIPE,
                        "in_demo_" + number,
                        "DEMO-" + number,
                        subscription,
                        price,
                        lines,
                        paid),
                PaymentOutcome.SUCCEEDED,
                null,
                paid));
    }

    /** Day by day since joining: a conversation a day, its turns metered; the free plan's heavy user hits the limit. */
    private int chat(UserId userId, DemoUser user, Instant joined, Instant now, Random random) {
        AiModel model = models.defaultChatModel();
        boolean estimated = OfflineProvider.NAME.equals(model.provider());
        boolean heavy = user.plan() == Plan.FREE && user.name().equals("Cleo");
        int chats = 0;
        for (int day = 0; day <= user.joinedDaysAgo(); day++) {
            Instant morning = joined.plus(Duration.ofDays(day)).plus(Duration.ofHours(2));
            String conversation = ids.generateId().toString();
            int turns = Math.max(0, user.chatsPerDay() + random.nextInt(3) - 1) + (heavy ? 2 : 0);
            for (int turn = 0; turn < turns; turn++) {
                Instant at = morning.plus(Duration.ofMinutes(37L * turn + random.nextInt(20)));
                if (at.isAfter(now)) {
                    return chats;
                }
                String requestId = ids.generateId().toString();
                QuotaDecision decision = commands.sendAndWait(
                        new StartAiRequest(userId, requestId, null, RequestKind.CHAT, model.id(), at));
                if (!decision.allowed()) {
                    continue;
                }
                TokenUsage usage = heavy && turn == 0
                        ? new TokenUsage(20_000, 30_000, 0)
                        : new TokenUsage(40 + random.nextInt(400), 80 + random.nextInt(900), 0);
                Instant answered = at.plusSeconds(2 + random.nextInt(6));
                commands.sendAndWait(new CompleteAiRequest(
                        userId,
                        requestId,
                        model.id(),
                        usage.promptTokens(),
                        usage.completionTokens(),
                        0,
                        estimated,
                        models.cost(model, usage),
                        answered));
                String[] text = TURNS.get(random.nextInt(TURNS.size()));
                commands.sendAndWait(
                        new RecordChatTurn(conversation, userId, requestId, model.id(), text[0], text[1], answered));
                chats++;
            }
        }
        return chats;
    }
}
