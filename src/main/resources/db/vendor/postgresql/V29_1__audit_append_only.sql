-- The audit log is append-only in the database too: an update, delete or truncate of audit_entry is refused,
-- whoever asks. Someone who can disable this trigger (the table's owner) can change rows, but not without
-- breaking the hash chain that GET /api/audit/verify checks. H2 (trials only) has no such trigger.
create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
