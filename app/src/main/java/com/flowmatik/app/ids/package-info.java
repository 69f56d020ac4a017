/** Where the platform's random ids come from: messages, requests, AI calls and stored images. */
package com.flowmatik.app.ids;
