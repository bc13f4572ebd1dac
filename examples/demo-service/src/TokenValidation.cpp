#include "TokenValidation.h"

#include <algorithm>
#include <cctype>

#include "Encoding.h"
#include "Jws.h"

namespace tessera::demo {

namespace {

// Signature, iss, aud/azp, exp and iat: the checks ID and logout tokens share.
Result<Jws> verifyCommon(const std::string& token, const KeyResolver& keys, const TokenExpectations& expect) {
    auto jws = parseJws(token);
    if (!jws) return jws.error();
    if (keyTypeFor(jws->alg).empty())
        return Error::invalid("unsupported_alg", "Tokens signed with \"" + jws->alg + "\" are not accepted.");
    auto key = keys(jws->kid, jws->alg);
    if (!key) return key.error();
    if (auto verified = verifySignature(*jws, key->get()); !verified) return verified.error();

    const auto& claims = *jws->claims;
    if (stringClaim(claims, "iss").value_or("") != expect.issuer)
        return Error::invalid("wrong_issuer", "The token was not issued by " + expect.issuer + ".");
    const auto aud = audiences(claims);
    if (std::find(aud.begin(), aud.end(), expect.clientId) == aud.end())
        return Error::invalid("wrong_audience", "The token is not meant for this service.");
    // Several audiences: the party it was issued to must be named, and be this service.
    const auto azp = stringClaim(claims, "azp");
    if ((aud.size() > 1 || claims.has("azp")) && azp.value_or("") != expect.clientId)
        return Error::invalid("wrong_azp", "The token was issued to another party (azp).");

    const auto exp = numericClaim(claims, "exp");
    const auto iat = numericClaim(claims, "iat");
    if (!exp || !iat) return Error::invalid("missing_claim", "The token has no exp or iat time.");
    if (*exp + expect.skewSeconds <= expect.now) return Error::invalid("expired", "The token has expired.");
    if (*iat - expect.skewSeconds > expect.now)
        return Error::invalid("not_yet_valid", "The token was issued in the future: check the clocks.");
    if (auto nbf = numericClaim(claims, "nbf"); nbf && *nbf - expect.skewSeconds > expect.now)
        return Error::invalid("not_yet_valid", "The token is not valid yet.");
    return jws;
}

// at_hash: base64url of the left half of SHA-256 of the access token (ES256 and RS256 both hash with SHA-256).
std::string accessTokenHash(const std::string& accessToken) {
    const std::string digest = sha256(accessToken);
    return base64UrlEncode(std::string_view(digest).substr(0, digest.size() / 2));
}

}  // namespace

Result<IdToken> validateIdToken(const std::string& token, const KeyResolver& keys, const IdTokenExpectations& expect) {
    auto jws = verifyCommon(token, keys, expect);
    if (!jws) return jws.error();
    const auto& claims = *jws->claims;
    IdToken out;
    out.raw = token;
    out.claims = jws->claims;
    out.sub = stringClaim(claims, "sub").value_or("");
    if (out.sub.empty()) return Error::invalid("missing_claim", "The ID token names no subject (sub).");
    out.expiresAt = numericClaim(claims, "exp").value_or(0);
    out.sid = stringClaim(claims, "sid").value_or("");
    if (!constantTimeEquals(stringClaim(claims, "nonce").value_or(""), expect.nonce) || expect.nonce.empty())
        return Error::invalid("wrong_nonce", "The ID token does not answer this sign-in (nonce).");
    out.acr = stringClaim(claims, "acr").value_or("");
    out.loa = loaFromDefaultAcr(out.acr);
    // acr_values is a request, not a promise: the provider may sign the citizen in at a lower
    // level, and only this check keeps the secure page from them.
    if (expect.minimumLoa && (!out.loa || !meets(*out.loa, *expect.minimumLoa)))
        return Error::forbidden("insufficient_acr", "The sign-in did not reach the level this page needs.");
    if (auto atHash = stringClaim(claims, "at_hash")) {
        if (expect.accessToken.empty() || !constantTimeEquals(*atHash, accessTokenHash(expect.accessToken)))
            return Error::invalid("bad_at_hash", "The ID token does not match the access token (at_hash).");
    } else if (claims.has("at_hash")) {
        return Error::invalid("bad_at_hash", "The ID token's at_hash is not a string.");
    }
    return out;
}

Result<LogoutToken> validateLogoutToken(const std::string& token, const KeyResolver& keys,
                                        const TokenExpectations& expect) {
    // The type is checked before anything else so an ID token can never pass as a logout token.
    auto parsed = parseJws(token);
    if (!parsed) return parsed.error();
    std::string typ = parsed->typ;
    std::transform(typ.begin(), typ.end(), typ.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (!typ.empty() && typ != "logout+jwt" && typ != "application/logout+jwt")
        return Error::invalid("wrong_type", "The token is not a logout token (typ " + parsed->typ + ").");

    auto jws = verifyCommon(token, keys, expect);
    if (!jws) return jws.error();
    const auto& claims = *jws->claims;
    LogoutToken out;
    out.sub = stringClaim(claims, "sub").value_or("");
    out.sid = stringClaim(claims, "sid").value_or("");
    out.jti = stringClaim(claims, "jti").value_or("");
    out.expiresAt = numericClaim(claims, "exp").value_or(0);
    if (out.sub.empty() && out.sid.empty())
        return Error::invalid("missing_subject", "The logout token names neither a subject (sub) nor a session (sid).");
    if (!claims.isObject("events") || !claims.getObject("events")->isObject(kBackChannelLogoutEvent))
        return Error::invalid("missing_event", "The logout token has no back-channel logout event.");
    if (claims.has("nonce")) return Error::invalid("has_nonce", "A logout token must not carry a nonce.");
    if (out.jti.empty()) return Error::invalid("missing_claim", "The logout token has no identifier (jti).");
    return out;
}

}  // namespace tessera::demo
