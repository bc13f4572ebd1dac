-- Identity verification: the evidence an account's level of assurance is derived from, the
-- register checks that produced it, verification applications (documents, photos, selfie video)
-- and their review. Portable SQL as in 001. Personal details (names, document numbers, notes,
-- messages) are sealed with the data key (AES-256-GCM, bound to the row id), base64url.

-- One row per piece of evidence an account holds. The account's LoA is computed from the rows
-- that are neither revoked nor expired (core/assurance); accounts.loa caches the result.
-- kind: vital_record | address | known_fact | photo_review | document_review | admin_override.
-- reference: what the evidence names (a register's record reference, an application id);
-- details: sealed JSON of what was checked (matched field names, never register values).
CREATE TABLE identity_evidence (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    level BIGINT NOT NULL DEFAULT 0,
    details TEXT NOT NULL DEFAULT '',
    verified_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL DEFAULT 0,
    revoked_at BIGINT NOT NULL DEFAULT 0,
    revoked_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX identity_evidence_by_account ON identity_evidence (account_id, revoked_at);
-- The expiry sweep looks for live evidence that has lapsed (revoked_at = 0, expires_at <= now)
-- and marks it (revoked_reason 'expired'), so each sweep reads only what lapsed since the last.
CREATE INDEX identity_evidence_by_expiry ON identity_evidence (revoked_at, expires_at);

-- A unique person reference (from the vital-records register) belongs to one account only.
-- person_key is a keyed hash of the reference (HMAC with a key derived from the data key), so
-- the table can be unique on it without holding the reference in clear.
CREATE TABLE person_links (
    person_key TEXT PRIMARY KEY,
    account_id TEXT NOT NULL UNIQUE REFERENCES accounts(id) ON DELETE CASCADE,
    linked_at BIGINT NOT NULL
);

-- Every register check, counted for the daily limit (3 attempts a day per account and check).
-- check_kind: vital_record | address | known_fact; outcome: matched | needs_fallback | no_match |
-- duplicate | unavailable (an unavailable register does not count against the citizen).
CREATE TABLE register_checks (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    check_kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '[]',
    checked_at BIGINT NOT NULL
);
CREATE INDEX register_checks_by_account ON register_checks (account_id, check_kind, checked_at);

-- A verification application. evidence_kind: document_video (LoA 3: document + selfie video),
-- document_photo (LoA 2: photographic evidence) or duplicate_person (opened by the system when a
-- second account matches a person already linked). claims: sealed JSON of the citizen's claims
-- at submission (names, date of birth, address) so the reviewer sees what was asserted.
CREATE TABLE verification_applications (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    evidence_kind TEXT NOT NULL,
    target_loa BIGINT NOT NULL,
    state TEXT NOT NULL,
    claims TEXT NOT NULL DEFAULT '',
    claimed_by TEXT NOT NULL DEFAULT '',
    claim_expires_at BIGINT NOT NULL DEFAULT 0,
    flagged_by TEXT NOT NULL DEFAULT '',
    flag_reason TEXT NOT NULL DEFAULT '',
    decision_reason TEXT NOT NULL DEFAULT '',
    decision_message TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at BIGINT NOT NULL DEFAULT 0,
    media_deleted_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    submitted_at BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX verification_applications_by_account ON verification_applications (account_id, created_at);
-- The review queue: by state, oldest first, id as the tie-breaker for cursors.
CREATE INDEX verification_queue ON verification_applications (state, submitted_at, id);
CREATE INDEX verification_queue_by_kind ON verification_applications (state, evidence_kind, submitted_at, id);
-- Retention: decided applications whose media are still held.
CREATE INDEX verification_retention ON verification_applications (media_deleted_at, decided_at);

-- The identity document an application rests on (one per application). details: sealed JSON
-- (number, names, date of birth, issuing country); expiry_date is kept plain because the
-- evidence-expiry rules read it. register_result: JSON of the document register's answer
-- (status, matched field names) or '' when no register is configured for the type.
CREATE TABLE verification_documents (
    application_id TEXT PRIMARY KEY REFERENCES verification_applications(id) ON DELETE CASCADE,
    document_type TEXT NOT NULL,
    details TEXT NOT NULL,
    expiry_date TEXT NOT NULL,
    register_result TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

-- Uploaded media: one row per slot (document_front, document_back, selfie_video); a new upload
-- to a slot replaces the old one. blob_id names the encrypted blob (infra/blob), bound to the
-- row id. uploaded_by: the account that sent it (a reviewer may not review evidence they sent).
CREATE TABLE verification_media (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES verification_applications(id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL,
    width BIGINT NOT NULL DEFAULT 0,
    height BIGINT NOT NULL DEFAULT 0,
    duration_ms BIGINT NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    blob_id TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    UNIQUE (application_id, slot)
);

-- The history of a case: every state change, claim, release and note, oldest first.
-- note: sealed text (reviewer notes, flag notes); reason: a decision reason code.
CREATE TABLE verification_events (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES verification_applications(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (application_id, seq)
);

-- Idempotency-Key: the first answer to a non-repeatable request, replayed for a repeat of the
-- same key by the same caller; a different request under the same key is refused.
CREATE TABLE idempotent_requests (
    scope_key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status BIGINT NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX idempotent_requests_by_expiry ON idempotent_requests (expires_at);
