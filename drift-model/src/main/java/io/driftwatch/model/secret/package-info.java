/**
 * Keeps Secret values inside the component that read them: each value is replaced by a keyed HMAC,
 * so equal values still compare equal downstream and no value, nor its base64, ever reaches a
 * topic.
 */
package io.driftwatch.model.secret;
