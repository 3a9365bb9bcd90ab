package com.hmoexchange.hub.common;

/** A value with a name a person reads (an enum shown on a page or in an email): "Add a dependent", not ADD_DEPENDENT. */
public interface Labelled {

    String label();
}
