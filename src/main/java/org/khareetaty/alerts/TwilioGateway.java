package org.khareetaty.alerts;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/** Sends through the Twilio SDK and classifies every failure for the outbox sender. */
public final class TwilioGateway implements MessageGateway {

    /** Error codes that will never succeed on retry: invalid number, opted out, outside the WhatsApp 24-hour window. */
    public static final Set<Integer> PERMANENT_CODES = Set.of(21211, 21610, 63016, 21408, 21612, 21614, 63003);
    /** How far the desktop clock may be off Twilio's when looking a message up. */
    private static final java.time.Duration CLOCK_MARGIN = java.time.Duration.ofMinutes(5);

    private final TwilioRestClient client;
    private final TwilioConfig config;

    public TwilioGateway(TwilioConfig config) {
        this.config = config;
        this.client = new TwilioRestClient.Builder(config.accountSid(), config.authToken())
                .httpClient(new TwilioHttpClient(config.apiBase(), config.timeout()))
                .build();
    }

    @Override
    public Accepted send(Channel channel, String to, String body) throws GatewayException {
        String from = channel == Channel.WHATSAPP ? config.whatsappFrom() : config.smsFrom();
        if (from == null || from.isBlank()) {
            throw new GatewayException(GatewayException.Kind.PERMANENT, null,
                    "No " + channel + " sender number is configured", false, null);
        }
        MessageCreator creator = from.startsWith("MG")
                ? Message.creator(new PhoneNumber(to), from, body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(channel.address(from)), body);
        try {
            Message message = creator.create(client);
            return new Accepted(message.getSid(), message.getStatus() == null ? null : message.getStatus().toString());
        } catch (TwilioException e) {
            throw classify(e);
        }
    }

    @Override
    public Optional<String> findSent(String to, String body, Instant since, Set<String> known) throws GatewayException {
        Instant from = since.minus(CLOCK_MARGIN);
        try {
            ResourceSet<Message> messages = Message.reader().setTo(new PhoneNumber(to)).setPageSize(100L).read(client);
            for (Message message : messages) {
                ZonedDateTime created = message.getDateCreated();
                if (created != null && created.toInstant().isBefore(from)) {
                    break;  // newest first: everything after this is older still
                }
                if (body.equals(message.getBody()) && !known.contains(message.getSid())) {
                    return Optional.of(message.getSid());
                }
            }
            return Optional.empty();
        } catch (TwilioException e) {
            GatewayException failure = classify(e);
            // A lookup is a read: whatever went wrong, it changed nothing; try the lookup again later.
            throw new GatewayException(GatewayException.Kind.RETRYABLE, failure.errorCode(),
                    "Lookup failed: " + failure.getMessage(), failure.offline(), e);
        }
    }

    @Override
    public Delivery delivery(String sid) throws GatewayException {
        try {
            Message message = Message.fetcher(sid).fetch(client);
            return new Delivery(message.getStatus() == null ? "unknown" : message.getStatus().toString(),
                    message.getErrorCode(), message.getErrorMessage());
        } catch (TwilioException e) {
            GatewayException failure = classify(e);
            throw new GatewayException(GatewayException.Kind.RETRYABLE, failure.errorCode(), failure.getMessage(),
                    failure.offline(), e);
        }
    }

    static GatewayException classify(TwilioException e) {
        if (e instanceof TwilioHttpClient.UnreachableException) {
            return new GatewayException(GatewayException.Kind.RETRYABLE, null, e.getMessage(), true, e);
        }
        if (e instanceof TwilioHttpClient.AmbiguousRequestException) {
            return new GatewayException(GatewayException.Kind.AMBIGUOUS, null, e.getMessage(), false, e);
        }
        if (e instanceof ApiException api) {
            Integer status = api.getStatusCode();
            Integer code = api.getCode();
            String text = "Twilio " + (status == null ? "" : status + " ") + (code == null ? "" : "error " + code + ": ")
                    + api.getMessage();
            if (status != null && status >= 500) {
                return new GatewayException(GatewayException.Kind.AMBIGUOUS, code, text, false, e);
            }
            if ((code != null && PERMANENT_CODES.contains(code))) {
                return new GatewayException(GatewayException.Kind.PERMANENT, code, text, false, e);
            }
            if (status != null && (status == 429 || status == 401 || status == 403)) {
                return new GatewayException(GatewayException.Kind.RETRYABLE, code, text, false, e);
            }
            if (status != null && status >= 400) {
                return new GatewayException(GatewayException.Kind.PERMANENT, code, text, false, e);
            }
            // No status: the SDK could not read an answer it got; the message may have been created.
            return new GatewayException(GatewayException.Kind.AMBIGUOUS, code, text, false, e);
        }
        if (e instanceof ApiConnectionException) {
            return new GatewayException(GatewayException.Kind.AMBIGUOUS, null, e.getMessage(), false, e);
        }
        return new GatewayException(GatewayException.Kind.AMBIGUOUS, null, e.getMessage(), false, e);
    }
}
