/**
 * The conversations read model ({@code conversations} processing group): each user's chat list and
 * each chat's messages, for reloading it.
 */
package com.flowmatik.query.conversations;
