/**
 * What an agent does with an item in Tasklist ("Handle work item" and its form in {@code forms/}): marking
 * it done completes the item and frees the agent's slot for the next offer.
 */
package io.worklane.handling;
