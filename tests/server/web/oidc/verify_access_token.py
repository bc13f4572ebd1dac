#!/usr/bin/python3
"""Checks a Tessera access token independently of Tessera's own code, with python3-jwcrypto:
fetches the JWKS over HTTP, verifies the signature with the key the token's kid names, and
checks the claims. Prints OK and exits 0, or prints why and exits 1.

usage: verify_access_token.py JWKS_URL TOKEN ISSUER CLIENT_ID ALG
"""
import json
import sys
import urllib.request

from jwcrypto import jwk, jws, jwt


def fail(why):
    print("FAIL: " + why)
    sys.exit(1)


def main():
    if len(sys.argv) != 6:
        fail(__doc__)
    jwks_url, token, issuer, client_id, alg = sys.argv[1:]
    with urllib.request.urlopen(jwks_url, timeout=10) as response:
        document = response.read().decode("utf-8")
    keys = jwk.JWKSet.from_json(document)

    header = json.loads(jws.base64url_decode(token.split(".")[0]))
    if header.get("alg") != alg:
        fail("alg is %r, expected %r" % (header.get("alg"), alg))
    if header.get("typ") != "at+jwt":
        fail("typ is %r" % header.get("typ"))
    key = keys.get_key(header.get("kid"))
    if key is None:
        fail("no key in the JWKS for kid %r" % header.get("kid"))
    if key.get("use") != "sig" or key.get("alg") != alg:
        fail("the JWK does not say use=sig, alg=%s: %r" % (alg, key.export_public(as_dict=True)))

    # jwcrypto verifies the signature with only the algorithms allowed here, and exp/nbf.
    verified = jwt.JWT(jwt=token, key=key, algs=[alg], check_claims={"exp": None})
    claims = json.loads(verified.claims)
    expected = {"iss": issuer, "sub": client_id, "client_id": client_id, "aud": issuer}
    for name, value in expected.items():
        if claims.get(name) != value:
            fail("claim %s is %r, expected %r" % (name, claims.get(name), value))
    for name in ("exp", "iat", "jti"):
        if name not in claims:
            fail("claim %s is missing" % name)
    if not claims["iat"] < claims["exp"]:
        fail("iat is not before exp")
    if claims["exp"] - claims["iat"] != 600:
        fail("the token lives %d seconds, expected 600" % (claims["exp"] - claims["iat"]))
    print("OK " + json.dumps(claims, sort_keys=True))


if __name__ == "__main__":
    main()
