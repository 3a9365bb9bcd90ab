-- A payer's news older than the claim's state (its 999 read after its 277CA) is kept in the claim's
-- history marked late instead of being refused as a backward move (issue 12, item 4).
alter table claim_status_change add column late boolean not null default false;
