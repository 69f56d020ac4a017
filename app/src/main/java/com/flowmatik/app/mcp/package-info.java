/**
 * The MCP server at {@code /mcp}: the platform's tools and resources for AI agents, each a thin door
 * onto the same services and queries as the REST endpoint it mirrors, so that quotas, metering,
 * ownership and events are the same whichever door a request comes through.
 */
package com.flowmatik.app.mcp;
