package io.worklane.doors;

import java.util.List;

import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.worklane.security.WorklaneGroups;

/**
 * The first interceptor of every engine command. A command a signed-in Camunda user runs (the engine REST API,
 * Tasklist and Cockpit set that user; Worklane's own code and the job executor run without one) is checked against
 * {@link DoorRules} before the engine does anything; commands the engine runs inside another are not doors.
 */
final class DoorGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DoorGuard.class);

    /** The user of an engine call and whether Worklane's rules bind them. */
    record EngineUser(String id, List<String> groups) {

        boolean isAdmin() {
            return groups.contains(WorklaneGroups.ADMINS);
        }

        boolean isSourceSystemOnly() {
            return groups.contains(WorklaneGroups.SOURCE_SYSTEMS) && !groups.contains(WorklaneGroups.SUPERVISORS)
                    && !isAdmin();
        }
    }

    private final EngineDoors doors;

    DoorGuard(EngineDoors doors) {
        this.doors = doors;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
            Authentication user = doors.identityService().getCurrentAuthentication();
            if (user != null && user.getUserId() != null) {
                EngineUser caller = new EngineUser(user.getUserId(),
                        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
                try {
                    doors.rules().check(command, caller);
                }
                catch (RuntimeException e) {
                    if (Refusal.isRefusal(e)) {
                        // an expected refusal: one line, no stack trace
                        log.info("Refused {} by {}: {}", command.getClass().getSimpleName(), caller.id(),
                                e.getMessage());
                    }
                    throw e;
                }
                long started = ClockUtil.getCurrentTime().getTime();
                T result = next.execute(command);
                // Camunda keeps no deployer at history level audit; the console shows who it was. A deployment the
                // duplicate filter answered with is an earlier one: not this caller's.
                if (command instanceof DeployCmd && result instanceof Deployment deployment
                        && deployment.getDeploymentTime() != null
                        && deployment.getDeploymentTime().getTime() >= started - 1000) {
                    doors.deployments().deployedBy(deployment.getId(), caller.id());
                }
                return result;
            }
        }
        return next.execute(command);
    }
}
