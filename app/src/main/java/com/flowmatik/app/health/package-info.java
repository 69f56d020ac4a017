/**
 * Is the platform well: {@code /health} in the original service's shape, built on Actuator's
 * health, plus the event processors' health and the start-up guard on the token store.
 */
package com.flowmatik.app.health;
