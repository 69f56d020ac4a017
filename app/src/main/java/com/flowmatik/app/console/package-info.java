/**
 * The admin console at {@code /admin}: static pages and ES modules served from the jar that sign an
 * admin in and call the admin API with the token kept in memory; the charts come from a pinned WebJar.
 */
package com.flowmatik.app.console;
