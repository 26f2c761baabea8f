package com.smshub.message.entity;

import java.util.List;

/** A page of the status change feed and where to continue. */
public record ChangePage(List<StatusChangeView> changes, long lastChangeId, boolean more) {
}
