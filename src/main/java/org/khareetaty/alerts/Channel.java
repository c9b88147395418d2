package org.khareetaty.alerts;

/** How a notification travels. */
public enum Channel {
    SMS, WHATSAPP;

    /** The address Twilio expects: WhatsApp numbers carry a {@code whatsapp:} prefix. */
    public String address(String number) {
        String plain = number.startsWith("whatsapp:") ? number.substring("whatsapp:".length()) : number;
        return this == WHATSAPP ? "whatsapp:" + plain : plain;
    }
}
