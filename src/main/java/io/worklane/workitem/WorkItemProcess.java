package io.worklane.workitem;

import java.util.List;

/** Names shared by {@code processes/work-item.bpmn}, its decisions, its form and the Java code. */
public final class WorkItemProcess {

    public static final String PROCESS_KEY = "work-item";

    public static final String MESSAGE_OFFERED = "WorkItem.Offered";

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

    /** Every capture variable; missing ones are set to null so that decisions and forms can read them. */
    public static final List<String> CAPTURE_VARIABLES = List.of(EXTERNAL_ID, SOURCE_SYSTEM, DEPARTMENT, PROCESS,
            CUSTOMER_ID, CUSTOMER_SEGMENT, PRODUCT, SUBPRODUCT, REQUEST_TYPE, DEAL_VALUE, DESCRIPTION, CONTACT_NUMBER,
            ALTERNATIVE_CONTACT_NUMBER, NAME, SURNAME, PREFERRED_AGENT, ACTIVATION_AT, DUE_AT, PRIORITY, SOURCE_URL,
            MEDIA_TYPE, ATTRIBUTES);

    // variables written along the way
    public static final String WORK_ITEM_ID = "workItemId";
    public static final String CORE_ATTRIBUTES_VALID = "coreAttributesValid";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String CLASSIFICATION = "classification";
    public static final String SERVICE_LEVEL = "serviceLevel";
    public static final String REQUIRED_SKILL = "requiredSkill";
    public static final String ASSIGNEE = "assignee";

    public static final String DEFAULT_MEDIA_TYPE = "workitem";

    private WorkItemProcess() {
    }
}
