/**
 * The operator's command line, in the same jar ({@code java -jar flowmatik.jar --help}): what the
 * API cannot do on a fresh install — create an admin, reset a password, replay a projection, load
 * demo data — done through the same commands as the API, so that all of it is events.
 */
package com.flowmatik.app.operator;
