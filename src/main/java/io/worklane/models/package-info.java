/**
 * What process owners deployed: each decision's versions, who deployed them and when. Deploying itself goes through
 * Camunda's REST API from the Modeler; the engine plugin in {@code doors} keeps code out of their models, and
 * {@link io.worklane.models.DecisionOutputCheck} lets a capability refuse a decision whose output cells it cannot use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.worklane.models;
