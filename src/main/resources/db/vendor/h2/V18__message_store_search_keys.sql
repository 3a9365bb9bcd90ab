-- Issue 17 on H2 (the zero-setup database): no partitions (retention deletes rows here) and no trigram index
-- (text search is a plain ILIKE); only the new business keys and their indexes. PostgreSQL: db/vendor/postgresql.
alter table message_record add column payment_reference varchar(80);
alter table message_record add column enrollee_number varchar(40);
create index message_record_payment_ref_idx on message_record (payment_reference);
create index message_record_enrollee_idx on message_record (enrollee_number);
create index message_record_started_idx on message_record (started_at);
