-- Citizen accounts, terms, one-time codes, sessions, throttling and the audit chain.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are Unix seconds (BIGINT),
-- flags are 0/1 BIGINT, identifiers are random 128-bit hex strings.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    email_verified BIGINT NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    preferred_name TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',
    address_line1 TEXT NOT NULL DEFAULT '',
    address_line2 TEXT NOT NULL DEFAULT '',
    address_town TEXT NOT NULL DEFAULT '',
    address_postcode TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    password_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    second_factor TEXT NOT NULL DEFAULT 'none',
    totp_secret TEXT NOT NULL DEFAULT '',
    totp_pending_secret TEXT NOT NULL DEFAULT '',
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    loa BIGINT NOT NULL DEFAULT 0,
    pending_email TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE terms_documents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    version BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    summary_of_changes TEXT NOT NULL DEFAULT '',
    effective_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (kind, language, version)
);

CREATE TABLE terms_acceptances (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    terms_id TEXT NOT NULL REFERENCES terms_documents(id),
    accepted_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, terms_id)
);

CREATE TABLE one_time_codes (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    attempts BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX one_time_codes_by_account ON one_time_codes (account_id, purpose, created_at);

CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX recovery_codes_by_account ON recovery_codes (account_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    auth_time BIGINT NOT NULL DEFAULT 0,
    amr TEXT NOT NULL DEFAULT '',
    client_address TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT '',
    ended_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_account ON sessions (account_id, ended_at);

CREATE TABLE throttle_counters (
    subject TEXT PRIMARY KEY,
    failures BIGINT NOT NULL DEFAULT 0,
    window_started_at BIGINT NOT NULL,
    blocked_until_ms BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0
);
-- Failed sign-ins purge quiet counters by window start (guesses at unknown emails add rows).
CREATE INDEX throttle_counters_by_window ON throttle_counters (window_started_at);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    event TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    client_address TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);
