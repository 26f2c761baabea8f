package com.smshub.gateway.boundary;

import com.smshub.gateway.v1.GetInboundMessagesResponse;
import com.smshub.gateway.v1.InboundMessage;
import com.smshub.gateway.v1.SenderDetails;
import com.smshub.inbound.entity.InboundPage;
import com.smshub.inbound.entity.InboundView;

/** GetInboundMessages between the contract and the inbound feature. */
final class InboundMapping {

    private InboundMapping() {
    }

    static GetInboundMessagesResponse response(InboundPage page) {
        GetInboundMessagesResponse response = new GetInboundMessagesResponse();
        for (InboundView view : page.messages()) {
            InboundMessage message = new InboundMessage();
            message.setInboundId(view.feedId());
            message.setFrom(view.from());
            message.setTo(view.to());
            message.setKeyword(view.keyword());
            message.setText(view.text());
            message.setReceivedAt(Times.of(view.receivedAt()));
            message.setProvider(view.provider().name());
            message.setInReplyTo(view.inReplyTo());
            message.setOptOut(view.optOut());
            message.setSender(sender(view.sender()));
            response.getMessage().add(message);
        }
        response.setLastInboundId(page.last());
        response.setMore(page.more());
        return response;
    }

    private static SenderDetails sender(InboundView.Sender sender) {
        if (sender == null) {
            return null;
        }
        SenderDetails details = new SenderDetails();
        details.setOperator(sender.operator());
        details.setFirstName(sender.firstName());
        details.setLastName(sender.lastName());
        details.setAddress(sender.address());
        details.setPostalCode(sender.postalCode());
        details.setCity(sender.city());
        details.setLookupStatus(sender.lookupStatus());
        return details;
    }
}
