/** How Axon runs here: pooled streaming projections with batches of 100. */
package com.flowmatik.app.axon;
