/** Which sides this process runs ({@code FLOWMATIK_SIDES}): command, query, or both. */
package com.flowmatik.app.sides;
