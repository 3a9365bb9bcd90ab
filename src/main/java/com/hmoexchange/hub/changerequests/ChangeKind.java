package com.hmoexchange.hub.changerequests;

/** What a client asks the HMO to change (X12 834 INS03 terms: addition, cancellation, change). */
public enum ChangeKind {
    ADD_DEPENDENT, REMOVE_DEPENDENT, EDIT_DETAILS, CHANGE_PRIMARY_PROVIDER, REGISTER_PRINCIPAL
}
