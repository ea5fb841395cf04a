/**
 * Who may do what. People authenticate with HTTP Basic against Camunda's identity service (the same users and
 * groups as Tasklist and Cockpit); source systems with API tokens ({@link io.worklane.security.SourceSystemTokens}),
 * on {@code /api} and on the engine REST API alike. Failed logins are throttled per client address
 * ({@link io.worklane.security.LoginThrottle}), never by locking an account. Engine authorization is on, and the
 * groups Worklane relies on are created and granted at start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "web" })
package io.worklane.security;
