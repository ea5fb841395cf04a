/**
 * Worklane's rules at Camunda's own doors: the engine REST API, Tasklist and Cockpit. One process engine plugin sees
 * every command any of them runs for a signed-in user and refuses what would bypass Worklane's rules (stored code as
 * variables, starts past validation, task completions beyond their form, changes to a work item's instance behind
 * its row); a built-in listener cancels the item of a deleted instance, whoever deleted it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "capture", "models", "security", "workitem" })
package io.worklane.doors;
