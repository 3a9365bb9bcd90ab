package com.hmoexchange.hub.preauth;

/** How soon the patient needs the care; an emergency is treated at once, without waiting for the HMO. */
public enum Urgency {
    ROUTINE, URGENT, EMERGENCY
}
