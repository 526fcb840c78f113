-- Identity: staff accounts, invitations, API tokens, sign-in throttling and identity settings.
-- Ids come from the application (org.masthead.platform.Ids); times are bound from Instant, never
-- defaulted here. Secrets (invitation and API tokens) are stored as SHA-256 hex, never in clear.

create table staff_member (
    id bigint primary key,
    email varchar(254) not null unique,          -- lower case
    name varchar(200) not null,
    role varchar(20) not null,                   -- CONTRIBUTOR, AUTHOR, EDITOR, ADMINISTRATOR
    status varchar(20) not null,                 -- ACTIVE, DISABLED
    password_hash varchar(255) not null,         -- {argon2}... through a DelegatingPasswordEncoder
    totp_secret varchar(64),                     -- base32; set while enrolling, kept once confirmed
    totp_enabled_at timestamp with time zone,    -- null: two-factor sign-in is off
    totp_last_step bigint,                       -- last accepted time step: a code is never accepted twice
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table staff_invitation (
    id bigint primary key,
    email varchar(254) not null,
    role varchar(20) not null,
    token_hash varchar(64) not null unique,
    invited_by bigint references staff_member (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    accepted_at timestamp with time zone,
    accepted_by bigint references staff_member (id)
);
create index staff_invitation_by_email on staff_invitation (email);

create table api_token (
    id bigint primary key,
    name varchar(100) not null,
    role varchar(20) not null,
    token_hash varchar(64) not null unique,
    token_prefix varchar(16) not null,           -- the first characters, to recognise a token in a list
    created_by bigint references staff_member (id),
    created_at timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);

-- Failed sign-ins per email address ("email:...") and per client address ("ip:..."), whether or
-- not the email belongs to anyone, so the lockout says nothing about which addresses exist.
create table sign_in_throttle (
    throttle_key varchar(300) primary key,
    failures integer not null,
    window_started_at timestamp with time zone not null,
    locked_until timestamp with time zone
);

-- Newsroom-wide identity settings (e.g. two-factor.required = 1), and the setup marker whose
-- primary key makes sure only one owner account is ever created by the setup page.
create table identity_setting (
    name varchar(100) primary key,
    setting_value varchar(1000) not null,
    updated_at timestamp with time zone not null
);
