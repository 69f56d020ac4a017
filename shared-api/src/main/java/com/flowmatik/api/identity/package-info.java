/** Who a user is: registration, credentials, role and the user as the read side shows it. */
package com.flowmatik.api.identity;
