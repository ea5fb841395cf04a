/**
 * Webhooks: source systems subscribe to changes of their items and are told of each one, signed as the Standard
 * Webhooks specification says, at least once and in order per item. Every logged change goes to a transactional
 * outbox in the transaction of the change; every node sends what is due (each message by one node), retries with
 * back-off, and puts what keeps failing on a dead-letter list that supervisors see and send again.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "security", "web", "workitem" })
package io.worklane.webhook;
