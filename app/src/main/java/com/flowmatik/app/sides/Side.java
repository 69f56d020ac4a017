package com.flowmatik.app.sides;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/** A half of the CQRS split that a process can run. */
public enum Side {
    COMMAND,
    QUERY;

    static final String PROPERTY = "flowmatik.sides";

    /** The sides named by {@code flowmatik.sides} (env {@code FLOWMATIK_SIDES}); both when unset. */
    public static Set<Side> enabledIn(Environment environment) {
        String value = environment.getProperty(PROPERTY, "command,query");
        Set<Side> sides = EnumSet.noneOf(Side.class);
        for (String name : value.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                sides.add(Side.valueOf(trimmed));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException("FLOWMATIK_SIDES must list 'command' and/or 'query', got '" + value
                        + "' (known: " + Arrays.toString(values()) + ")");
            }
        }
        if (sides.isEmpty()) {
            throw new IllegalStateException("FLOWMATIK_SIDES names no side; use 'command', 'query' or both");
        }
        return sides;
    }
}
