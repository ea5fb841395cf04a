package io.worklane.handling;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.worklane.workitem.AgentTasks;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;

/** The handling actions over the API: the same choices as the form, completing the same task. */
@Service
public class Handling {

    private static final AgentTasks.AgentTask HANDLE = new AgentTasks.AgentTask(WorkItemState.IN_PROGRESS,
            WorkItemProcess.HANDLE_TASK, HandlingProblems.NotInHandling::new, "the handling choice");

    private final AgentTasks agentTasks;
    private final HandlingRules rules;

    Handling(AgentTasks agentTasks, HandlingRules rules) {
        this.agentTasks = agentTasks;
        this.rules = rules;
    }

    /** The agent marks the item done, as "Mark done" in the form. */
    public WorkItemView markDone(String agentId, String itemId) {
        return act(agentId, itemId, HandlingAction.DONE, HandlingRequest.NONE);
    }

    /** @throws HandlingProblems.NotInHandling unless the agent is handling the item now */
    WorkItemView act(String agentId, String itemId, HandlingAction action, HandlingRequest request) {
        return agentTasks.complete(agentId, itemId, HANDLE, item -> {
            Map<String, Object> choice = new HashMap<>();
            choice.put(WorkItemProcess.HANDLING_ACTION, action.name());
            choice.put(WorkItemProcess.DISPOSITION, request.disposition());
            choice.put(WorkItemProcess.TRANSFER_TO, request.agent());
            choice.put(WorkItemProcess.TRANSFER_TARGET, request.target());
            try {
                rules.check(item, choice);
            }
            catch (HandlingRules.NoFreeSlot e) {
                throw e.problem;
            }
            catch (HandlingRules.NoAgentMatches e) {
                throw new HandlingProblems.NoMatchingAgent(action, e);
            }
            catch (HandlingRules.Refused e) {
                throw new HandlingProblems.HandlingRefused(action, e);
            }
            return choice;
        });
    }
}
