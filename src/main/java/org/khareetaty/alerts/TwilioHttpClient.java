package org.khareetaty.alerts;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTTP transport handed to the Twilio SDK. It talks to a configurable base address (Twilio itself, or a
 * fake server in tests), with our own timeouts, and it tells apart the two kinds of connection failure:
 * "could not connect" (the message was certainly not sent) and "the request may have reached Twilio"
 * ({@link AmbiguousRequestException}). It also switches off the SDK's own retry of POSTs on 5xx: the SDK
 * would re-send a message that may already have gone out; the outbox sender looks it up instead.
 */
final class TwilioHttpClient extends com.twilio.http.HttpClient {

    /** The request was sent, or may have been, but no answer came back. */
    static final class AmbiguousRequestException extends ApiConnectionException {
        AmbiguousRequestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Twilio could not be reached at all; nothing was sent. */
    static final class UnreachableException extends ApiConnectionException {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    TwilioHttpClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        if (request.getMethod() == HttpMethod.POST) {
            return makeRequest(request);
        }
        return super.reliableRequest(request, retryCodes, retries, delayMillis);
    }

    @Override
    public Response makeRequest(Request request) {
        URL sdkUrl = request.constructURL();
        URI target = base.resolve(sdkUrl.getFile());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "khareetaty-twilio");
        if (request.getUsername() != null) {
            String credentials = request.getUsername() + ":" + request.getPassword();
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        boolean post = request.getMethod() == HttpMethod.POST;
        if (post) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.body(), response.statusCode());
        } catch (HttpConnectTimeoutException | ConnectException | UnknownHostException e) {
            throw new UnreachableException("Cannot reach " + base.getHost() + ": " + describe(e), e);
        } catch (HttpTimeoutException e) {
            throw new AmbiguousRequestException("No answer from " + base.getHost() + " within " + timeout.toMillis()
                    + " ms", e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException) {
                throw new UnreachableException("Cannot reach " + base.getHost() + ": " + describe(e), e);
            }
            throw new AmbiguousRequestException("The connection to " + base.getHost() + " failed during the request: "
                    + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmbiguousRequestException("Interrupted while waiting for " + base.getHost(), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
