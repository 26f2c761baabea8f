package com.smshub.gateway.boundary;

import java.util.Map;

import com.smshub.gateway.v1.GetBatchStatusResponse;
import com.smshub.gateway.v1.MessageStatus;
import com.smshub.gateway.v1.SendBatchResponse;
import com.smshub.gateway.v1.StatusCount;
import com.smshub.sending.entity.BatchState;
import com.smshub.sending.entity.SendReceipt;

/** Batches in the contract's terms. */
final class BatchMapping {

    private BatchMapping() {
    }

    static SendBatchResponse response(SendReceipt receipt) {
        SendBatchResponse response = new SendBatchResponse();
        response.setBatchId(String.valueOf(receipt.requestId()));
        response.setMessageCount(receipt.outcomes().size());
        response.setAcceptedAt(Times.of(receipt.acceptedAt()));
        return response;
    }

    static GetBatchStatusResponse status(BatchState state) {
        GetBatchStatusResponse response = new GetBatchStatusResponse();
        response.setBatchId(state.batchId());
        response.setTotal(state.total());
        response.setFinished(state.finished());
        response.setProgressPercent(state.progressPercent());
        response.setAcceptedAt(Times.of(state.acceptedAt()));
        for (Map.Entry<com.smshub.kernel.MessageStatus, Integer> entry : state.counts().entrySet()) {
            StatusCount count = new StatusCount();
            count.setStatus(MessageStatus.fromValue(entry.getKey().name()));
            count.setCount(entry.getValue());
            response.getCount().add(count);
        }
        return response;
    }
}
