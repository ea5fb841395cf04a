package io.worklane.workitem;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** What the source system tells about the case: segmentation inputs, contact data, custom attributes. */
@Embeddable
class CaseAttributes {

    private String customerId;
    private String customerSegment;
    private String product;
    private String subproduct;
    private String requestType;
    private BigDecimal dealValue;
    private String description;
    private String contactNumber;
    private String alternativeContactNumber;
    private String name;
    private String surname;
    private String preferredAgent;
    private String mediaType;
    private String sourceUrl;
    @Convert(converter = JsonMapConverter.class)
    @Column(columnDefinition = "text")
    private Map<String, Object> attributes;

    protected CaseAttributes() {
    }

    static CaseAttributes of(NewWorkItem item) {
        CaseAttributes a = new CaseAttributes();
        a.customerId = item.customerId();
        a.customerSegment = item.customerSegment();
        a.product = item.product();
        a.subproduct = item.subproduct();
        a.requestType = item.requestType();
        a.dealValue = item.dealValue();
        a.description = item.description();
        a.contactNumber = item.contactNumber();
        a.alternativeContactNumber = item.alternativeContactNumber();
        a.name = item.name();
        a.surname = item.surname();
        a.preferredAgent = item.preferredAgent();
        a.mediaType = item.mediaType();
        a.sourceUrl = item.sourceUrl();
        a.attributes = item.attributes();
        return a;
    }

    /** The standard attributes a context look-up may fill. */
    private static final java.util.Set<String> FILLABLE = java.util.Set.of("customerId", "customerSegment", "product",
            "subproduct", "requestType", "name", "surname", "contactNumber", "alternativeContactNumber", "dealValue");

    static boolean isStandard(String attribute) {
        return FILLABLE.contains(attribute);
    }

    /**
     * Takes a looked-up value for one of the standard attributes, unless too long for its column (a longer one stays
     * context data only); @return whether it took it
     */
    boolean fill(String attribute, Object value) {
        String text = value == null ? null : value.toString();
        int maxLength = CaptureAttribute.named(attribute).map(CaptureAttribute::maxLength).orElse(Integer.MAX_VALUE);
        if (text != null && text.length() > maxLength) {
            return false;
        }
        switch (attribute) {
            case "customerId" -> customerId = text;
            case "customerSegment" -> customerSegment = text;
            case "product" -> product = text;
            case "subproduct" -> subproduct = text;
            case "requestType" -> requestType = text;
            case "name" -> name = text;
            case "surname" -> surname = text;
            case "contactNumber" -> contactNumber = text;
            case "alternativeContactNumber" -> alternativeContactNumber = text;
            case "dealValue" -> dealValue = value instanceof Number ? new BigDecimal(text) : dealValue;
            default -> {
                return false;
            }
        }
        return true;
    }

    String customerId() {
        return customerId;
    }

    String customerSegment() {
        return customerSegment;
    }

    String product() {
        return product;
    }

    String subproduct() {
        return subproduct;
    }

    String requestType() {
        return requestType;
    }

    BigDecimal dealValue() {
        return dealValue;
    }

    String description() {
        return description;
    }

    String contactNumber() {
        return contactNumber;
    }

    String alternativeContactNumber() {
        return alternativeContactNumber;
    }

    String name() {
        return name;
    }

    String surname() {
        return surname;
    }

    String preferredAgent() {
        return preferredAgent;
    }

    String mediaType() {
        return mediaType;
    }

    String sourceUrl() {
        return sourceUrl;
    }

    Map<String, Object> attributes() {
        return attributes;
    }
}
