-- Issue 14: an address receives one user's invitations and resets, so it belongs to one user at most
-- (users without an address, from before invitations, may be many). PostgreSQL and H2 alike.
create unique index app_user_email_unique on app_user (email);
