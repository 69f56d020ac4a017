/** The users read model ({@code users} processing group): accounts as sign-in and profiles see them. */
package com.flowmatik.query.users;
