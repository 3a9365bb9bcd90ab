-- A notice about a pre-authorisation request names it, so opening the notice opens that request's page (issue 18).
alter table notification add column preauth_reference varchar(40);
