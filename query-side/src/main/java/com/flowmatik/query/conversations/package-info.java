/** The conversations read model ({@code conversations} processing group): each user's chat list. */
package com.flowmatik.query.conversations;
