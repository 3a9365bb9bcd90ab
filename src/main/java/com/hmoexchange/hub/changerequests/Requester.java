package com.hmoexchange.hub.changerequests;

/** Who asks for a change: a client's user in the portal or by email, or the client's SFTP folder. */
record Requester(long clientId, long payerId, String by, RequestChannel channel) {
}
