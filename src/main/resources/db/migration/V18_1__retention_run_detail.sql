-- Issue 17: what a retention run did beyond a row count, e.g. the monthly partitions of the message store it dropped.
alter table retention_run add column detail varchar(2000);
