-- Issue 16: one message-store row per (idempotency key, attempt); on H2 the store is one plain table.
create unique index message_record_key_attempt_unique on message_record (idempotency_key, attempt);
