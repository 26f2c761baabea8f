package com.smshub.kernel;

/**
 * Bookkeeping labels a caller attaches to a message or a charge, stored with it and passed to providers that keep
 * them (SMS Pro's and Billing Pro's {@code sub_id_1}, {@code sub_id_2}); each may be null.
 */
public record Tags(String costCentre, String subId1, String subId2) {

    public static final Tags NONE = new Tags(null, null, null);

    public static Tags of(String costCentre, String subId1, String subId2) {
        return costCentre == null && subId1 == null && subId2 == null ? NONE : new Tags(costCentre, subId1, subId2);
    }
}
