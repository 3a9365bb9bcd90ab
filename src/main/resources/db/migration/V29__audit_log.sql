-- The audit log (audit/AuditLog): who did what, when and from which address. Append-only: each entry
-- carries the SHA-256 of the one before, so a changed or deleted entry breaks the chain (GET /api/audit/verify).
-- Ids are given by the writer from the chain head (no gaps), so a deleted entry shows as a missing number too.
-- Written to run unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

create table audit_entry (
    id            bigint        primary key,
    at            timestamp with time zone not null,
    -- The signed-in user, or the name typed at a failed sign-in; 'system' for the hub's own work.
    actor         varchar(200)  not null,
    actor_role    varchar(20),
    -- The actor's tenant: an OWNER sees their practice's entries, an HMO_ADMIN their HMO's.
    provider_id   bigint,
    payer_id      bigint,
    action        varchar(40)   not null,
    object_type   varchar(40),
    object_id     varchar(200),
    -- A short note without health data (why a sign-in failed, which role was given).
    detail        varchar(500),
    address       varchar(100),
    previous_hash varchar(64)   not null,
    hash          varchar(64)   not null
);
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_actor_idx on audit_entry (actor, at);
create index audit_entry_provider_idx on audit_entry (provider_id, at);
create index audit_entry_payer_idx on audit_entry (payer_id, at);

-- The chain's head: the last entry's id and hash. Writers lock this one row (select ... for update) in the
-- transaction that appends, so two hub nodes never append after the same entry (the chain cannot fork).
create table audit_chain_head (
    id        integer      primary key,
    last_id   bigint       not null,
    last_hash varchar(64)  not null
);
insert into audit_chain_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
