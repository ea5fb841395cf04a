package io.worklane.capture;

/** Request and response examples of the OpenAPI description. */
final class ApiExamples {

    static final String CAPTURE = """
            {"externalId": "CRM-1002", "customerId": "C-77", "customerSegment": "Gold", "product": "Broadband",
             "requestType": "Lead", "dealValue": 1200.50, "description": "wants fibre", "contactNumber": "+49 30 1234",
             "name": "Kim", "surname": "Lee", "sourceUrl": "https://crm.example/leads/1002",
             "attributes": {"campaign": "winter"}}""";

    static final String ITEM = """
            {"id": "5b0c7a0e-8f7d-4a51-9a5e-0d7b2f1c9e11", "externalId": "CRM-1002", "sourceSystem": "crm",
             "state": "QUEUED", "department": "Sales", "process": "Lead Handling", "customerSegment": "Gold",
             "requestType": "Lead", "priority": 500, "requiredSkill": "Sales Processing", "targetLevel": "PRIMARY",
             "capturedAt": "2026-11-23T09:00:00Z", "dueAt": "2026-11-26T09:00:00Z", "overdue": false}""";

    static final String UPDATE = """
            {"customerSegment": "Silver", "dueAt": "2026-11-30T12:00:00Z", "contactNumber": "+49 30 9876"}""";

    static final String RESTART = """
            {"activationAt": "2026-11-24T08:00:00Z", "description": "call again tomorrow"}""";

    static final String INVALID_STATE = """
            {"type": "https://worklane.io/problems/invalid-state", "title": "Operation not allowed in this state",
             "status": 409, "detail": "Cannot resume work item 5b0c7a0e-...: it is QUEUED.", "state": "QUEUED",
             "operation": "resume", "allowedStates": ["HELD"]}""";

    static final String INVALID_REQUEST = """
            {"type": "https://worklane.io/problems/invalid-request", "title": "Invalid request", "status": 400,
             "detail": "1 invalid capture attribute(s): description at most 30 characters for leads.",
             "errors": [{"field": "description", "message": "at most 30 characters for leads"}]}""";

    private ApiExamples() {
    }
}
