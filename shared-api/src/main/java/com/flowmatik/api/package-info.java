/**
 * The language of Flowmatik: the commands, events, queries and results that the command side and
 * the query side exchange, and the value types they are written in. Plain records; events are a
 * stored contract, so a change to one comes with an upcaster.
 */
package com.flowmatik.api;
