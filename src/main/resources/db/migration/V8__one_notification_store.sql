-- One notification store (issue 12): every in-app notice, whoever it is for, in the notification table,
-- keyed by audience (PRACTICE, HMO, CLIENT, OPERATORS) and the audience's owner (the provider of a
-- practice, the payer of an HMO, the client; none for the operators). The HMO's notices move over from
-- hmo_notification with their read state; the practices' and operators' keep their ids.
-- Written to run unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

alter table notification add column owner_id bigint;
alter table notification add column change_request_id bigint references change_request (id);
update notification set owner_id = provider_id;
drop index notification_audience_idx;
alter table notification drop column provider_id;

insert into notification (audience, owner_id, kind, change_request_id, message, created_at, read_at, read_by)
select 'HMO', payer_id,
       case when change_request_id is null then 'CHANGE_REQUESTS_RECEIVED' else 'CHANGE_REQUESTED' end,
       change_request_id, message, created_at, read_at, read_by
from hmo_notification
order by id;
drop table hmo_notification;

alter table notification add constraint notification_owner_ck
    check ((audience = 'OPERATORS' and owner_id is null) or (audience <> 'OPERATORS' and owner_id is not null));
-- A user's notices and their unread count are read by audience and owner, newest first.
create index notification_owner_idx on notification (audience, owner_id, read_at, created_at);
create index notification_change_request_idx on notification (change_request_id);
