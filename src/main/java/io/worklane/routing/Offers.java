package io.worklane.routing;

import static io.worklane.workitem.WorkItemProcess.OFFER_ANSWER;

import java.util.Map;

import org.springframework.stereotype.Service;

import io.worklane.workitem.AgentTasks;
import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;

/** An agent answers an offer over the API, as the "Answer offer" task in Tasklist would. */
@Service
public class Offers {

    private static final AgentTasks.AgentTask ANSWER_OFFER = new AgentTasks.AgentTask(WorkItemState.OFFERED,
            WorkItemProcess.ANSWER_OFFER_TASK, NoPendingOffer::new, "the answer");

    private final AgentTasks agentTasks;

    Offers(AgentTasks agentTasks) {
        this.agentTasks = agentTasks;
    }

    /** @throws NoPendingOffer unless the item is offered to the agent now */
    public WorkItemView answer(String agentId, String itemId, boolean accept) {
        return agentTasks.complete(agentId, itemId, ANSWER_OFFER,
                item -> Map.of(OFFER_ANSWER, accept ? RecordAnswerDelegate.ACCEPT : RecordAnswerDelegate.DECLINE));
    }
}
