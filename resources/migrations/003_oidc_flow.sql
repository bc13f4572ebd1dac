-- The authorization-code flow (phase 2 of the provider): a grant remembers the `claims`
-- request parameter (OpenID Connect Core §5.5) it was made with, so that the userinfo
-- endpoint and ID tokens issued on refresh release what that request asked for, long after
-- its single-use code is gone. Portable SQL as in 001 and 002.
ALTER TABLE grants ADD COLUMN claims_request TEXT NOT NULL DEFAULT '';
