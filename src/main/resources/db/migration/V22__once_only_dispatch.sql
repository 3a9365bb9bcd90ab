-- Issue 16: a claim reaches its payer once. Written to run unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

-- One row per (idempotency key, attempt). Two consumers that once handled copies of one message at the
-- same moment could both store attempt n: number the attempts of such keys again, in the order they were
-- stored, before the pair is made unique (V22_2, per database: the PostgreSQL store is partitioned by month).
update message_record set attempt = (
        select count(*) from message_record earlier
        where earlier.idempotency_key = message_record.idempotency_key
          and (earlier.attempt < message_record.attempt or (earlier.attempt = message_record.attempt and earlier.id <= message_record.id)))
where idempotency_key in (
        select idempotency_key from message_record where idempotency_key is not null
        group by idempotency_key, attempt having count(*) > 1);

-- A claim's send lease: the dispatcher locks the row of each claim it is about to send (select ... for
-- update) and keeps the lock until the outcome is stored, so a second copy of the message waits and then
-- finds the claim settled. A lock, not a flag: it goes with the connection when a node dies.
create table claim_send_lease (
    idempotency_key varchar(80) primary key
);
