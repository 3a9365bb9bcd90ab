package com.hmoexchange.hub.people;

/** Why a one-time link was sent: to choose a first password, or to replace a forgotten one. */
public enum LinkPurpose {
    INVITATION, RESET
}
