package com.flowmatik.command.ai.provider;

/**
 * Whether calls reach the provider: {@code CLOSED} they do; {@code OPEN} too many recent calls
 * failed and calls are refused without reaching it; {@code HALF_OPEN} a few trial calls decide.
 */
public enum CircuitState {
    CLOSED,
    OPEN,
    HALF_OPEN
}
