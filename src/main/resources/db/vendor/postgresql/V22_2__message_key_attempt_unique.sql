-- Issue 16: one message-store row per (idempotency key, attempt).
-- The store is partitioned by month (V18), and a unique index of a partitioned table must hold the partition
-- key (started_at): it would then let two rows of one key and attempt in when their start times differ. The pair
-- is kept unique in a small table of its own instead, filled by a trigger as each message is stored, so a second
-- row with the same key and attempt fails with a unique violation, as an index on the store would make it.
-- Retention deletes its rows with the months of messages they belong to.
create table message_attempt_key (
    idempotency_key varchar(80)              not null,
    attempt         integer                  not null,
    started_at      timestamp with time zone not null,
    constraint message_attempt_key_pkey primary key (idempotency_key, attempt)
);
create index message_attempt_key_started_idx on message_attempt_key (started_at);

insert into message_attempt_key (idempotency_key, attempt, started_at)
select idempotency_key, attempt, min(started_at) from message_record
where idempotency_key is not null
group by idempotency_key, attempt;

create function message_attempt_key_taken() returns trigger language plpgsql as $$
begin
    if new.idempotency_key is not null then
        insert into message_attempt_key (idempotency_key, attempt, started_at)
        values (new.idempotency_key, new.attempt, new.started_at);
    end if;
    return new;
end
$$;

create trigger message_record_key_attempt_unique before insert on message_record
    for each row execute function message_attempt_key_taken();
