/**
 * The read model: projections that turn events into tables and answer queries from them. Every
 * table here can be dropped and rebuilt from the event store.
 */
package com.flowmatik.query;
