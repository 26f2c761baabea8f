package com.smshub.gateway.boundary;

import com.smshub.gateway.v1.MessageState;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.ProviderStatus;
import com.smshub.gateway.v1.StatusChange;
import com.smshub.kernel.ProviderReport;
import com.smshub.message.entity.MessageView;
import com.smshub.message.entity.StatusChangeView;
import com.smshub.message.entity.StatusEvent;

/** Messages, histories and changes in the contract's terms. */
final class StatusMapping {

    private StatusMapping() {
    }

    static MessageState state(MessageView view) {
        MessageState state = new MessageState();
        state.setMessageId(view.messageId());
        state.setClientReference(view.clientReference());
        state.setRecipient(view.recipient());
        state.setStatus(MessageStatus.valueOf(view.status().name()));
        state.setProviderStatus(provider(view.lastReport()));
        state.setReasonCode(view.reasonCode());
        state.setReason(view.reason());
        state.setAcceptedAt(Times.of(view.acceptedAt()));
        state.setUpdatedAt(Times.of(view.updatedAt()));
        for (StatusEvent event : view.history()) {
            state.getEvent().add(event(event));
        }
        return state;
    }

    static StatusChange change(StatusChangeView view) {
        StatusChange change = new StatusChange();
        change.setChangeId(view.changeId());
        change.setMessageId(view.messageId());
        change.setClientReference(view.clientReference());
        change.setEvent(event(view.event()));
        return change;
    }

    static com.smshub.gateway.v1.StatusEvent event(StatusEvent event) {
        com.smshub.gateway.v1.StatusEvent soap = new com.smshub.gateway.v1.StatusEvent();
        soap.setStatus(MessageStatus.valueOf(event.status().name()));
        soap.setAt(Times.of(event.at()));
        soap.setSource(event.source());
        soap.setProviderStatus(provider(event.report()));
        return soap;
    }

    static ProviderStatus provider(ProviderReport report) {
        if (report == null) {
            return null;
        }
        ProviderStatus status = new ProviderStatus();
        status.setProvider(report.provider().name());
        status.setRawStatus(report.rawStatus() == null ? "" : report.rawStatus());
        status.setCode(report.code());
        status.setProviderMessageId(report.providerMessageId());
        return status;
    }
}
