-- Every eligibility check is recorded, a refused one too (issue 18, docs/eligibility.md): a check for an enrollee
-- number no roster has (no member, no payer) or for a member of a payer the practice has no current contract with
-- (no source asked). The asked number is kept as typed, so the practice's list shows the refusal; the reason is in words.
-- Written to run unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

alter table eligibility_check alter column payer_id drop not null;
alter table eligibility_check alter column enrollee_id drop not null;
alter table eligibility_check alter column source drop not null;
alter table eligibility_check add column enrollee_number varchar(60);
update eligibility_check set enrollee_number = (select e.enrollee_number from enrollee e where e.id = eligibility_check.enrollee_id);
alter table eligibility_check alter column enrollee_number set not null;
-- Why the check was refused (outcome REFUSED), in words; null for a check that was answered.
alter table eligibility_check add column refusal varchar(500);
create index eligibility_check_number_idx on eligibility_check (enrollee_number, checked_at);
