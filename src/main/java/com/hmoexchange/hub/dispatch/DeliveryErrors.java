package com.hmoexchange.hub.dispatch;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * A failed send in words billing staff can read (the delivery error on their claim): what went wrong on the
 * way to the payer, never a Java class name. The operators' log keeps the exception itself.
 */
final class DeliveryErrors {

    private DeliveryErrors() {
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "The send failed for a reason the hub could not tell; it is tried again.";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String kind = kind(t);
            if (kind != null) {
                return kind;
            }
        }
        return "The send to the payer failed" + detail(failure) + "; it is tried again.";
    }

    private static String kind(Throwable t) {
        if (t instanceof UnknownHostException) {
            return "The payer's address could not be found (host " + t.getMessage() + "): check the payer's settings.";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException) {
            return "The payer's server could not be reached (connection refused or no route); it is tried again.";
        }
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
            return "The payer's server did not answer in time; it is tried again.";
        }
        if (t instanceof SSLException) {
            return "The secure connection to the payer failed (its certificate or protocol was not accepted).";
        }
        if (t instanceof FileNotFoundException) {
            return "The payer's folder or file could not be found; check the payer's settings.";
        }
        String name = t.getClass().getName();
        if (name.startsWith("com.jcraft.jsch") || name.contains(".sftp.") || name.contains("GenericFileOperationFailed")) {
            return "The payer's SFTP server refused or broke off the transfer" + detail(t) + "; it is tried again.";
        }
        if (name.startsWith("jakarta.mail") || name.startsWith("org.eclipse.angus.mail")) {
            return "The mail server refused or broke off the email to the payer" + detail(t) + "; it is tried again.";
        }
        return null;
    }

    /** The failure's own message, without the class names libraries put in it. */
    private static String detail(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String cleaned = message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*", "").trim();
        return cleaned.isEmpty() ? "" : " (" + (cleaned.length() > 300 ? cleaned.substring(0, 300) + "…" : cleaned) + ")";
    }
}
