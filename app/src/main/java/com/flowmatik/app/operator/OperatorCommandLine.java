package com.flowmatik.app.operator;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reads the operator's command, starts the platform in this process (same configuration, same
 * database; its web server on a free loopback port only), runs the command and stops. In the embedded mode the database is
 * a file one process holds: stop the running platform first.
 */
public final class OperatorCommandLine {

    static final String USAGE = """
            Usage: java -jar flowmatik.jar [command] [options]

            Without a command the platform starts. Operator commands (same configuration as the platform;
            in the embedded mode stop the running platform first, the database file is locked by it):

              create-admin --email=E [--password=P] [--name=N]
                                 create an admin account (password from --password, FLOWMATIK_ADMIN_PASSWORD
                                 or the console)
              reset-password --email=E [--password=P]
                                 set a user's password; every token of theirs is refused afterwards
              replay PROJECTION  rebuild one projection from the first event and wait until it is done
                                 (users, usage, conversations, subscriptions, invoices, webhooks, admin-metrics, …)
              demo-data          users on every plan with a month of chats, payments, invoices and refused
                                 requests, written through the commands (password of every demo user: %s)
              --help             this text
            """.formatted(DemoData.PASSWORD);

    static final List<String> COMMANDS =
            List.of("create-admin", "reset-password", "replay", "demo-data", "--help", "-h", "help");

    private OperatorCommandLine() {}

    /** Whether the arguments name an operator command rather than options of the platform. */
    public static boolean isOperatorCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and answers the process's exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        if (!List.of("create-admin", "reset-password", "replay", "demo-data").contains(command)) {
            out.print(USAGE);
            return 0;
        }
        Map<String, String> options;
        List<String> operands;
        try {
            options = options(Arrays.copyOfRange(args, 1, args.length));
            operands = Arrays.stream(args, 1, args.length)
                    .filter(arg -> !arg.startsWith("--"))
                    .toList();
        } catch (IllegalArgumentException wrong) {
            err.println(wrong.getMessage());
            err.print(USAGE);
            return 2;
        }
        SpringApplication platform = new SpringApplication(application);
        platform.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        platform.setLogStartupInfo(false);
        Map<String, Object> quiet = new HashMap<>();
        quiet.put("logging.level.root", "WARN");
        quiet.put("logging.level.com.flowmatik", "WARN");
        platform.setDefaultProperties(quiet);
        // the web edge's beans need a servlet context: a server on a free loopback port nobody calls
        try (ConfigurableApplicationContext context = platform.run("--server.port=0", "--server.address=127.0.0.1")) {
            OperatorTasks tasks = context.getBean(OperatorTasks.class);
            String done = switch (command) {
                case "create-admin" ->
                    tasks.createAdmin(
                            required(options, "email"),
                            password(options),
                            options.getOrDefault("name", "Administrator"));
                case "reset-password" -> tasks.resetPassword(required(options, "email"), password(options));
                case "replay" ->
                    tasks.replay(
                            operands.stream()
                                    .findFirst()
                                    .orElseThrow(() ->
                                            new OperatorError("replay needs the projection's name, e.g. replay usage")),
                            out);
                default -> context.getBean(DemoData.class).load(out);
            };
            out.println(done);
            return 0;
        } catch (OperatorError refused) {
            err.println(command + ": " + refused.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                continue;
            }
            String option = args[i].substring(2);
            int equals = option.indexOf('=');
            if (equals >= 0) {
                options.put(option.substring(0, equals), option.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(option, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + option + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new OperatorError("--" + name + " is required");
        }
        return value.trim();
    }

    private static String password(Map<String, String> options) {
        String given = options.get("password");
        if (given == null || given.isBlank()) {
            given = System.getenv("FLOWMATIK_ADMIN_PASSWORD");
        }
        if ((given == null || given.isBlank()) && System.console() != null) {
            char[] typed = System.console().readPassword("Password: ");
            given = typed == null ? null : new String(typed);
        }
        if (given == null || given.length() < 8) {
            throw new OperatorError("a password of at least 8 characters is needed (--password=…)");
        }
        return given;
    }

    /** A command the operator has to correct: reported in one line, exit code 1. */
    static final class OperatorError extends RuntimeException {
        OperatorError(String message) {
            super(message);
        }
    }
}
