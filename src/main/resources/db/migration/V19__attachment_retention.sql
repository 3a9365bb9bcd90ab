-- Issue 17, retention of attachments of closed claims: the bytes go, the record that there was an attachment
-- (its type, name, size and digest) stays, with the time its content was removed.
-- Written to run unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).
alter table claim_attachment add column content_removed_at timestamp with time zone;
alter table claim_attachment alter column content_id drop not null;
alter table claim_attachment add constraint claim_attachment_content_or_removed
    check (content_id is not null or content_removed_at is not null);

-- The retention run looks for claims closed (decided, and paid or rejected) before its cutoff.
create index claim_closed_idx on claim (status, last_activity_at);
