package com.smshub.provider.mymobileapi;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import com.smshub.kernel.Configuration;
import com.smshub.provider.mymobileapi.soap.API;
import com.smshub.provider.mymobileapi.soap.APISoap;
import com.smshub.provider.spi.Account;
import com.smshub.provider.spi.ExchangeFailure;

/**
 * MyMobileAPI's .asmx web service through the JAX-WS client generated from its WSDL (SOAP 1.1,
 * document/literal wrapped, namespace http://www.mymobileapi.com/api5, SOAPAction namespace/operation). The
 * documents go as strings, as the service takes them. One port per endpoint address, made once: a port is
 * safe to share while its request context is not changed, and it is changed only here, before first use.
 * Every failure says whether the call may have been processed.
 */
@ApplicationScoped
public class MyMobileApiClient {

    /**
     * How long one call may take before its outcome counts as unknown: 10 s, or the system property
     * {@code smshub.provider.timeout-seconds}.
     */
    static final Duration TIMEOUT = Configuration.seconds("smshub.provider.timeout-seconds", 10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Made on first use: reading the WSDL is the expensive part, and one service serves every port. */
    private volatile API service;
    private final Map<String, APISoap> ports = new ConcurrentHashMap<>();

    /** Send_STR_STR: a senddata document, answered by an api_result. */
    public String send(Account account, String senddata) {
        return call(account, "Send_STR_STR", port -> port.sendSTRSTR(account.username(), secret(account), senddata));
    }

    /** Sent_STR_STR: a sent document (the changeid cursor), answered by an api_result with the changes. */
    public String sent(Account account, String sent) {
        return call(account, "Sent_STR_STR", port -> port.sentSTRSTR(account.username(), secret(account), sent));
    }

    /** Reply_STR_STR: a reply document (the replyid cursor), answered by an api_result with the replies. */
    public String replies(Account account, String reply) {
        return call(account, "Reply_STR_STR", port -> port.replySTRSTR(account.username(), secret(account), reply));
    }

    /** ShortCode_Get_STR_STR: an options document (the changeid cursor), answered by the short code entries. */
    public String shortCodes(Account account, String options) {
        return call(account, "ShortCode_Get_STR_STR", port -> port.shortCodeGetSTRSTR(account.username(), secret(account), options));
    }

    /** Credits_STR: the account's credits. */
    public String credits(Account account) {
        return call(account, "Credits_STR", port -> port.creditsSTR(account.username(), secret(account)));
    }

    private static String secret(Account account) {
        return account.secret() == null ? "" : account.secret();
    }

    private String call(Account account, String operation, Function<APISoap, String> call) {
        try {
            String answer = call.apply(port(account.endpointUrl()));
            if (answer == null) {
                throw new MyMobileApiException(ExchangeFailure.AMBIGUOUS, operation + " answered nothing", null);
            }
            return answer;
        } catch (SOAPFaultException e) {
            // the spec answers every error of its own in api_result (call_result, error); a SOAP fault is the
            // .asmx service failing in the middle of the call, which may have done its work first
            throw new MyMobileApiException(ExchangeFailure.AMBIGUOUS, operation + " failed with a SOAP fault: " + e.getMessage(), e);
        } catch (WebServiceException e) {
            throw new MyMobileApiException(kindOf(e), operation + " at " + account.endpointUrl() + " failed: " + describe(e), e);
        }
    }

    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP response '(\\d{3})");

    /** Whether the failure certainly came before the service acted on the call ({@link ExchangeFailure}). */
    static ExchangeFailure kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return ExchangeFailure.NOT_SENT;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
                return ExchangeFailure.NOT_SENT;
            }
            Matcher status = HTTP_STATUS.matcher(String.valueOf(t.getMessage()));
            if (status.find()) {
                // CXF's HTTP error without a SOAP fault: what the status says, as for every provider
                return ExchangeFailure.ofHttpStatus(Integer.parseInt(status.group(1)));
            }
            if (t instanceof InterruptedIOException) {
                return ExchangeFailure.AMBIGUOUS;
            }
        }
        return ExchangeFailure.AMBIGUOUS;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }

    private APISoap port(String endpoint) {
        return ports.computeIfAbsent(endpoint, address -> {
            APISoap port = service().getAPISoap();
            Map<String, Object> context = ((BindingProvider) port).getRequestContext();
            context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
            context.put("jakarta.xml.ws.client.connectionTimeout", CONNECT_TIMEOUT.toMillis());
            context.put("jakarta.xml.ws.client.receiveTimeout", TIMEOUT.toMillis());
            return port;
        });
    }

    private API service() {
        API made = service;
        if (made == null) {
            synchronized (this) {
                if (service == null) {
                    service = new API(API.WSDL_LOCATION);
                }
                made = service;
            }
        }
        return made;
    }
}
