/**
 * HTTP conventions shared by every capability: RFC 9457 problem details with stable {@code type} URIs, and the
 * one advice that turns framework errors (bad JSON, failed validation, oversized bodies) into them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.worklane.web;
