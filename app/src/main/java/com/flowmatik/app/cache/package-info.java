/** Caches of hot queries: Redis in the mysql mode, none in the embedded mode. */
package com.flowmatik.app.cache;
