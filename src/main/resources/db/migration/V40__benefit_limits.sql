-- A plan's annual limits per benefit: the services whose code starts with the prefix, up to the amount a plan year
-- (hub currency). The local eligibility answer shows each with what the member's approved claims used of it.
create table benefit_limit (
    plan_id        bigint         not null references benefit_plan (id),
    label          varchar(100)   not null,
    service_prefix varchar(40)    not null,
    annual_amount  numeric(14, 2) not null check (annual_amount > 0),
    constraint benefit_limit_prefix_unique unique (plan_id, service_prefix)
);
