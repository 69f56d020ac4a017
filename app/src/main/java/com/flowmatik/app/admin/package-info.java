/** {@code /api/admin}: what operators do to accounts (role, plan, deactivation). Needs the admin role. */
package com.flowmatik.app.admin;
