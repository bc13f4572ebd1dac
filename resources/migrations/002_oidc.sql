-- The OpenID Connect provider: connected services (clients), token signing keys, roles, the
-- access tokens issued, and what the authorization-code flow records (grants, codes, refresh
-- tokens, consents, pairwise subjects, per-service sessions).
-- Portable SQL as in 001: runs unchanged on SQLite and PostgreSQL. Times are Unix seconds
-- (BIGINT, 0 = never/not set), flags are 0/1 BIGINT, lists and per-language texts are JSON text.

-- A connected service: an OAuth 2.0 / OpenID Connect client. Services are disabled, never
-- deleted, so the records that name them stay meaningful.
CREATE TABLE services (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    logo_url TEXT NOT NULL DEFAULT '',
    redirect_uris TEXT NOT NULL DEFAULT '[]',
    post_logout_redirect_uris TEXT NOT NULL DEFAULT '[]',
    backchannel_logout_uri TEXT NOT NULL DEFAULT '',
    client_type TEXT NOT NULL,
    token_endpoint_auth_method TEXT NOT NULL,
    secret_hash TEXT NOT NULL DEFAULT '',
    secret_rotated_at BIGINT NOT NULL DEFAULT 0,
    jwks_uri TEXT NOT NULL DEFAULT '',
    grant_types TEXT NOT NULL DEFAULT '[]',
    allowed_scopes TEXT NOT NULL DEFAULT '[]',
    allowed_claims TEXT NOT NULL DEFAULT '[]',
    min_loa BIGINT NOT NULL DEFAULT 0,
    subject_type TEXT NOT NULL DEFAULT 'pairwise',
    sector_identifier TEXT NOT NULL DEFAULT '',
    id_token_alg TEXT NOT NULL DEFAULT 'ES256',
    consent_text TEXT NOT NULL DEFAULT '{}',
    event_push_url TEXT NOT NULL DEFAULT '',
    disabled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX services_by_created ON services (created_at, id);

-- Token signing keys. private_key is the PKCS#8 PEM sealed with the data key (AES-256-GCM,
-- bound to the kid), base64url. A key signs from activates_at until retires_at (0: until a
-- newer key replaces it) and stays in the JWKS until expires_at (0: not yet scheduled), by
-- which time every token it signed has expired.
CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    alg TEXT NOT NULL,
    private_key TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    activates_at BIGINT NOT NULL,
    retires_at BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX signing_keys_by_alg ON signing_keys (alg, activates_at);

-- Staff roles: reviewer, senior_reviewer, admin.
CREATE TABLE account_roles (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_by TEXT NOT NULL DEFAULT '',
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, role)
);
CREATE INDEX account_roles_by_role ON account_roles (role);

-- One authorization of a service by a citizen (phase 2): the family its codes, refresh tokens
-- and access tokens belong to. Revoking it (logout, reuse of a code or refresh token,
-- withdrawn consent) ends them all.
CREATE TABLE grants (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    sid TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    claims TEXT NOT NULL DEFAULT '[]',
    acr TEXT NOT NULL DEFAULT '',
    amr TEXT NOT NULL DEFAULT '',
    auth_time BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT NOT NULL DEFAULT 0,
    revoked_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX grants_by_account ON grants (account_id, service_id);
CREATE INDEX grants_by_sid ON grants (sid);

-- Every access token issued (they are JWTs; this row is what revocation and introspection
-- consult). account_id and grant_id are '' for client credentials.
CREATE TABLE access_tokens (
    jti TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL DEFAULT '',
    grant_id TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX access_tokens_by_grant ON access_tokens (grant_id);
CREATE INDEX access_tokens_by_expiry ON access_tokens (expires_at);

-- private_key_jwt client assertions seen (RFC 7523: each jti is accepted once), kept until
-- the assertion has expired.
CREATE TABLE client_assertion_jtis (
    client_id TEXT NOT NULL,
    jti TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_jtis_by_expiry ON client_assertion_jtis (expires_at);

-- The OP session at one service (phase 2): links a portal session to each service it signed
-- in to, for SSO, RP-initiated and back-channel logout. sid is per (session, service), so two
-- services cannot correlate a citizen by sid; subject is the sub that service knows.
CREATE TABLE oidc_sessions (
    sid TEXT PRIMARY KEY,
    session_public_id TEXT NOT NULL REFERENCES sessions(public_id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_auth_at BIGINT NOT NULL,
    ended_at BIGINT NOT NULL DEFAULT 0,
    logout_sent_at BIGINT NOT NULL DEFAULT 0,
    UNIQUE (session_public_id, service_id)
);
CREATE INDEX oidc_sessions_by_account ON oidc_sessions (account_id, ended_at);

-- Authorization codes (phase 2): stored hashed, single use; a second use revokes the grant.
CREATE TABLE authorization_codes (
    code_hash TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    sid TEXT NOT NULL DEFAULT '',
    redirect_uri TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    claims TEXT NOT NULL DEFAULT '[]',
    claims_request TEXT NOT NULL DEFAULT '',
    nonce TEXT NOT NULL DEFAULT '',
    code_challenge TEXT NOT NULL DEFAULT '',
    code_challenge_method TEXT NOT NULL DEFAULT '',
    acr TEXT NOT NULL DEFAULT '',
    amr TEXT NOT NULL DEFAULT '',
    auth_time BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX authorization_codes_by_expiry ON authorization_codes (expires_at);

-- Refresh tokens (phase 2): stored hashed, rotated on every use. used_at marks a token that
-- was exchanged; presenting it again is reuse and revokes the whole grant (the family).
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
    parent_hash TEXT NOT NULL DEFAULT '',
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    scope TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NOT NULL DEFAULT 0,
    revoked_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_by_grant ON refresh_tokens (grant_id);

-- A citizen's consent to release claims to a service, asked once; language and text_hash
-- record what the consent page showed.
CREATE TABLE consents (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    scopes TEXT NOT NULL DEFAULT '[]',
    claims TEXT NOT NULL DEFAULT '[]',
    language TEXT NOT NULL DEFAULT '',
    text_hash TEXT NOT NULL DEFAULT '',
    granted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    withdrawn_at BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, service_id)
);
CREATE INDEX consents_by_service ON consents (service_id);

-- Pairwise subject identifiers (phase 2): a random sub per (account, sector), so services in
-- different sectors cannot correlate a citizen by sub. Stored, not derived, so they survive
-- key rotation and can be reissued for one sector.
CREATE TABLE subject_identifiers (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    sector TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, sector),
    UNIQUE (sector, subject)
);
