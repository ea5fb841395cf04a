/**
 * Who may do what. API callers authenticate with HTTP Basic against Camunda's identity service (the same users
 * and groups as Tasklist and Cockpit); the engine REST API gets Camunda's own authentication filter; engine
 * authorization is on, and the groups Worklane relies on are created and granted at start.
 */
package io.worklane.security;
