/** Where the data lives: the {@code DATABASE_URL} forms the original service accepted, mapped to JDBC. */
package com.flowmatik.app.storage;
