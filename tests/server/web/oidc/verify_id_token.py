#!/usr/bin/python3
"""Checks a Tessera ID token independently of Tessera's own code, with python3-jwcrypto, as a
relying party would (OpenID Connect Core §3.1.3.7): fetches the JWKS over HTTP, verifies the
signature with the key the token's kid names, and checks iss, aud, azp, exp, iat, nonce, the
at_hash of the access token issued with it, and that sub, sid, auth_time, acr and amr are
there. Prints OK and exits 0, or prints why and exits 1.

usage: verify_id_token.py JWKS_URL ID_TOKEN ISSUER CLIENT_ID ALG NONCE ACCESS_TOKEN
"""
import base64
import hashlib
import json
import sys
import urllib.request

from jwcrypto import jwk, jws, jwt


def fail(why):
    print("FAIL: " + why)
    sys.exit(1)


def main():
    if len(sys.argv) != 8:
        fail(__doc__)
    jwks_url, token, issuer, client_id, alg, nonce, access_token = sys.argv[1:]
    with urllib.request.urlopen(jwks_url, timeout=10) as response:
        keys = jwk.JWKSet.from_json(response.read().decode("utf-8"))

    header = json.loads(jws.base64url_decode(token.split(".")[0]))
    if header.get("alg") != alg:
        fail("alg is %r, expected %r" % (header.get("alg"), alg))
    if header.get("typ") != "JWT":
        fail("typ is %r" % header.get("typ"))
    key = keys.get_key(header.get("kid"))
    if key is None:
        fail("no key in the JWKS for kid %r" % header.get("kid"))

    verified = jwt.JWT(jwt=token, key=key, algs=[alg], check_claims={"exp": None})
    claims = json.loads(verified.claims)
    expected = {"iss": issuer, "aud": client_id, "azp": client_id, "nonce": nonce}
    for name, value in expected.items():
        if claims.get(name) != value:
            fail("claim %s is %r, expected %r" % (name, claims.get(name), value))
    for name in ("sub", "sid", "acr", "exp", "iat", "auth_time"):
        if name not in claims:
            fail("claim %s is missing" % name)
    if not isinstance(claims.get("amr"), list) or not claims["amr"]:
        fail("amr is not a non-empty array: %r" % claims.get("amr"))
    if not claims["auth_time"] <= claims["iat"] < claims["exp"]:
        fail("auth_time, iat and exp are out of order")
    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    at_hash = base64.urlsafe_b64encode(digest[:16]).decode("ascii").rstrip("=")
    if claims.get("at_hash") != at_hash:
        fail("at_hash is %r, expected %r" % (claims.get("at_hash"), at_hash))
    print("OK " + json.dumps(claims, sort_keys=True))


if __name__ == "__main__":
    main()
