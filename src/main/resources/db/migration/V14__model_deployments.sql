-- Who deployed what from the Modeler (Camunda keeps no deployer at history level audit): models/ModelDeployments.
CREATE TABLE model_deployment (
    deployment_id  VARCHAR(64)  PRIMARY KEY,
    deployed_by    VARCHAR(64)  NOT NULL,
    deployed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
