-- An administrator's reset of a person's two-factor sign-in (lost phone): their secret and recovery codes are
-- deleted, and this row makes them set it up again at their next sign-in, whatever their role; it goes when they
-- have (docs/security.md, "Two-factor sign-in").
create table two_factor_reset (
    user_id  bigint primary key references app_user (id),
    reset_at timestamp with time zone not null,
    reset_by varchar(200) not null
);
