-- Issue 16: a client's bulk file that came by SFTP or email is known by its content; each of its rows is taken
-- once, marked in the same transaction as the row's request (so a crash mid-file, or the same file dropped
-- twice, requests no row twice). Written to run unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).
create table bulk_row_taken (
    client_id         bigint       not null,
    file_digest       varchar(64)  not null,
    line              bigint       not null,
    change_request_id bigint       not null,
    taken_at          timestamp with time zone not null,
    constraint bulk_row_taken_pk primary key (client_id, file_digest, line)
);
