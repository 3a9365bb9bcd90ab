-- A mail that carries a sign-in link keeps its body only until the link expires: after that the relay
-- clears the body (and gives up sending it), so a failed or long-delayed mail does not keep a usable link.
alter table outgoing_mail add column body_expires_at timestamp with time zone;
create index outgoing_mail_body_expires_idx on outgoing_mail (body_expires_at);
