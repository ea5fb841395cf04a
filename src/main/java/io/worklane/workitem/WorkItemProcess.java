package io.worklane.workitem;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Names shared by {@code processes/work-item.bpmn}, its decisions, its form and the Java code. */
public final class WorkItemProcess {

    public static final String PROCESS_KEY = "work-item";

    public static final String MESSAGE_OFFERED = "WorkItem.Offered";
    public static final String MESSAGE_HOLD = "WorkItem.Hold";
    public static final String MESSAGE_RESUME = "WorkItem.Resume";
    public static final String MESSAGE_CANCEL = "WorkItem.Cancel";
    public static final String MESSAGE_COMPLETE = "WorkItem.Complete";
    public static final String MESSAGE_UPDATE = "WorkItem.Update";
    public static final String MESSAGE_RECLASSIFY = "WorkItem.Reclassify";
    public static final String MESSAGE_RESTART = "WorkItem.Restart";

    // variables written by the capture point (or by a source system starting the process over the engine REST API)
    public static final String EXTERNAL_ID = "externalId";
    public static final String SOURCE_SYSTEM = "sourceSystem";
    public static final String DEPARTMENT = "department";
    public static final String PROCESS = "process";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_SEGMENT = "customerSegment";
    public static final String PRODUCT = "product";
    public static final String SUBPRODUCT = "subproduct";
    public static final String REQUEST_TYPE = "requestType";
    public static final String DEAL_VALUE = "dealValue";
    public static final String DESCRIPTION = "description";
    public static final String CONTACT_NUMBER = "contactNumber";
    public static final String ALTERNATIVE_CONTACT_NUMBER = "alternativeContactNumber";
    public static final String NAME = "name";
    public static final String SURNAME = "surname";
    public static final String PREFERRED_AGENT = "preferredAgent";
    public static final String ACTIVATION_AT = "activationAt";
    public static final String DUE_AT = "dueAt";
    public static final String PRIORITY = "priority";
    public static final String SOURCE_URL = "sourceUrl";
    public static final String MEDIA_TYPE = "mediaType";
    public static final String ATTRIBUTES = "attributes";

    /**
     * Every capture variable ({@link CaptureAttribute}, where each is defined); one the source left out is absent,
     * which decisions (FEEL) and forms read as null.
     */
    public static final List<String> CAPTURE_VARIABLES = CaptureAttribute.fieldNames();

    /**
     * Capture variables whose change needs context, classification and service level again (reclassify,
     * reschedule); the customer id is what context sources look up.
     */
    public static final Set<String> CLASSIFICATION_INPUTS = Set.of(DEPARTMENT, PROCESS, CUSTOMER_ID, CUSTOMER_SEGMENT, PRODUCT,
            SUBPRODUCT, REQUEST_TYPE, DEAL_VALUE, PREFERRED_AGENT, ACTIVATION_AT, DUE_AT, PRIORITY, MEDIA_TYPE);

    // variables written along the way; the rules' outcome never overwrites what the source said
    public static final String WORK_ITEM_ID = "workItemId";
    public static final String CORE_ATTRIBUTES_VALID = "coreAttributesValid";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String CLASSIFICATION = "classification";
    public static final String SERVICE_LEVEL = "serviceLevel";
    public static final String CLASSIFIED_DEPARTMENT = "classifiedDepartment";
    public static final String CLASSIFIED_PROCESS = "classifiedProcess";
    /**
     * The priority of the agent's tasks (and shown in their forms): the row's as the item entered the queue and as it
     * was offered. Priority steps and overrides change only the row while the item is queued.
     */
    public static final String EFFECTIVE_PRIORITY = "effectivePriority";
    public static final String EFFECTIVE_DUE_AT = "effectiveDueAt";
    public static final String REQUIRED_SKILL = "requiredSkill";
    public static final String ACTIVATION_IN_FUTURE = "activationInFuture";
    public static final String CONFIRMATION_TIMEOUT = "confirmationTimeout";
    /** How long an agent may handle the item (ISO-8601) before the timer "Handling time-out reached"; null: no end. */
    public static final String HANDLING_TIMEOUT = "handlingTimeout";
    /** What "Record handling time-out" did, as the row says: RETURN_TO_QUEUE or EXCEPTION. */
    public static final String HANDLING_TIMEOUT_ACTION = "handlingTimeoutAction";
    /** The due date as a date, for the due timer. */
    public static final String DUE_DATE = "dueDate";
    /** When the next step of the priority schema is due, as a date; null: none before the due date. */
    public static final String NEXT_REPRIORITIZATION_AT = "nextReprioritizationAt";
    /** The result of {@code decisions/routing-targets.dmn}, until "Apply service level" stores it. */
    public static final String ROUTING_TARGETS = "routingTargets";
    /** When the routing target widens next, as a date; null: the last target is reached. */
    public static final String NEXT_TARGET_EXPANSION_AT = "nextTargetExpansionAt";
    /**
     * Transient, for one step: the id of the {@code service-level} decision version that was latest as the service
     * level was decided (recorded with the item's priority terms).
     */
    public static final String SERVICE_LEVEL_RULES = "serviceLevelRules";
    /** Transient, for one priority step: "Refresh context" changed the item's context data. */
    public static final String CONTEXT_CHANGED = "contextChanged";
    /** Transient, for one priority step: its service level is decided again (newer rules or changed context). */
    public static final String SERVICE_LEVEL_OUTDATED = "serviceLevelOutdated";

    // transient variables handed to an operation's delegate by the correlation
    /** Who asked for the operation, as {@code TYPE:id} (see {@link Actor#encoded()}). */
    public static final String ACTOR = "actor";
    /**
     * The attributes the API validated (capture, update, restart), handed to the delegate that writes them into the
     * row; stored variables never are, since anyone who completes a task could have set them.
     */
    public static final String SUBMITTED_ATTRIBUTES = "submittedAttributes";
    /** The changed attributes of an update, comma-separated. */
    public static final String CHANGED_FIELDS = "changedFields";
    public static final String ASSIGNEE = "assignee";
    /** The agent's user tasks in {@code work-item.bpmn}: answer an offer (MANUAL agents), handle the item. */
    public static final String ANSWER_OFFER_TASK = "Activity_AnswerOffer";
    public static final String HANDLE_TASK = "Activity_HandleWorkItem";
    /** Set with the offer: the agent takes it at once (true) or answers it first. */
    public static final String AUTO_ANSWER = "autoAnswer";
    /** Set with the offer: how long a manual answer may take (ISO-8601). */
    public static final String RONA_TIMEOUT = "ronaTimeout";
    /** The agent's answer to an offer, from the form or the API: ACCEPT or DECLINE. */
    public static final String OFFER_ANSWER = "offerAnswer";
    /** Whether the offer was accepted, for the gateway after "Record answer". */
    public static final String OFFER_ACCEPTED = "offerAccepted";
    public static final String MESSAGE_PULL = "WorkItem.Pull";
    public static final String MESSAGE_RETURN_TO_QUEUE = "WorkItem.ReturnToQueue";
    // what the agent chose in the handling form (or the API): action, its details, disposition code
    public static final String HANDLING_ACTION = "action";
    public static final String TRANSFER_TO = "transferTo";
    public static final String TRANSFER_TARGET = "transferTarget";
    public static final String DISPOSITION = "disposition";
    /** What "Record handling outcome" decided: DONE, PARK, TRANSFER_AGENT or TRANSFER_TARGET. */
    public static final String HANDLING_OUTCOME = "handlingOutcome";
    /** Where an item goes after "Handling": DONE (marked done), HANDLE (again, maybe by another agent), QUEUE. */
    public static final String NEXT_STEP = "nextStep";

    public static final String DEFAULT_MEDIA_TYPE = "workitem";

    /** A timer's date variable: the engine's timers take {@link Date}s; null means no timer is due. */
    public static Date timerDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private WorkItemProcess() {
    }
}
