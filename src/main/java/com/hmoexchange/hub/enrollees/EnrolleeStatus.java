package com.hmoexchange.hub.enrollees;

public enum EnrolleeStatus {
    ACTIVE, SUSPENDED, TERMINATED
}
