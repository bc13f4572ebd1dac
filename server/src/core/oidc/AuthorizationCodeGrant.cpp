#include "core/oidc/AuthorizationCodeGrant.h"

#include "core/oidc/Pkce.h"
#include "infra/Random.h"

namespace tessera::core::oidc {

namespace {

constexpr const char* kCodeReused = "code_reused";  // internal: the conditional update lost

Error badRequest(const std::string& why) { return Error::invalid("invalid_request", why); }
Error refused(const std::string& why) { return Error::invalid("invalid_grant", why); }

}  // namespace

AuthorizationCodeGrant::AuthorizationCodeGrant(Context& ctx, TokenIssuer& issuer, SubjectIdentifiers& subjects,
                                               const OidcSettings& settings)
    : ctx_(ctx), issuer_(issuer), subjects_(subjects), settings_(settings), services_(ctx.db), grants_(ctx.db),
      codes_(ctx.db), lifecycle_(ctx), tokens_(ctx, issuer, settings) {}

bool AuthorizationCodeGrant::issuesRefreshTokens(const Service& service) { return service.allowsGrant("refresh_token"); }

Result<IssuedCode> AuthorizationCodeGrant::issue(const CodeRequest& request) {
    if (request.accountId.empty() || request.sessionPublicId.empty() || request.redirectUri.empty())
        return badRequest("A code needs an account, a session and a redirect URI.");
    auto service = services_.findById(request.serviceId);
    if (!service || service->disabled) return badRequest("The service is unknown or disabled.");
    if (!request.codeChallenge.empty() && request.codeChallengeMethod != "S256")
        return badRequest("The only code_challenge_method is S256.");
    if (request.codeChallenge.empty() && !service->isConfidential())
        return badRequest("A public client must send a code_challenge (PKCE).");
    auto subject = subjects_.subjectFor(request.accountId, *service);
    if (!subject) return subject.error();

    const std::int64_t now = ctx_.clock.now();
    IssuedCode out;
    out.code = infra::random::token(32);
    out.expiresAt = now + settings_.authorizationCodeSeconds;

    Grant grant;
    grant.id = infra::random::id();
    grant.serviceId = service->id;
    grant.accountId = request.accountId;
    grant.scopes = request.scopes;
    grant.claims = request.claims;
    grant.claimsRequest = request.claimsRequest;
    grant.acr = request.acr;
    grant.amr = request.amr;
    grant.authTime = request.authTime;
    grant.createdAt = now;
    grant.expiresAt = now + settings_.refreshTokenSeconds;

    AuthorizationCodeRecord code;
    code.codeHash = AuthorizationCodeStore::hashCode(out.code);
    code.grantId = grant.id;
    code.serviceId = service->id;
    code.accountId = request.accountId;
    code.redirectUri = request.redirectUri;
    code.scopes = request.scopes;
    code.claims = request.claims;
    code.claimsRequest = request.claimsRequest;
    code.nonce = request.nonce;
    code.codeChallenge = request.codeChallenge;
    code.codeChallengeMethod = request.codeChallenge.empty() ? std::string() : request.codeChallengeMethod;
    code.acr = request.acr;
    code.amr = request.amr;
    code.authTime = request.authTime;
    code.createdAt = now;
    code.expiresAt = out.expiresAt;

    auto done = ctx_.db.transaction<std::string>([&](Poco::Data::Session& s) -> Result<std::string> {
        auto sid = recordOidcSignIn(ctx_.db, s, {request.sessionPublicId, request.accountId, service->id, *subject, now});
        if (!sid) return sid;
        grant.sid = code.sid = *sid;
        if (auto stored = grants_.insert(s, grant); !stored) return stored.error();
        if (auto stored = codes_.insert(s, code); !stored) return stored.error();
        return sid;
    });
    if (!done) return done.error();
    out.sid = *done;
    return out;
}

Result<TokenResponse> AuthorizationCodeGrant::exchange(const AuthenticatedClient& client, const std::string& code,
                                                       const std::string& redirectUri, const std::string& codeVerifier) {
    const Service& service = client.service;
    if (!service.allowsGrant("authorization_code"))
        return Error::invalid("unauthorized_client", "This client is not allowed the authorization_code grant.");
    if (code.empty()) return badRequest("code is required.");
    if (redirectUri.empty()) return badRequest("redirect_uri is required.");

    auto record = codes_.findByCode(code);
    if (!record) return refused("The code is unknown.");
    // Another client's code: it learns nothing and changes nothing.
    if (record->serviceId != service.id) return refused("The code is unknown.");
    if (record->usedAt != 0) {
        if (auto revoked = lifecycle_.revoke(record->grantId, "code_reuse"); !revoked) return revoked.error();
        return refused("The code was used already; every token issued for it is revoked.");
    }
    const std::int64_t now = ctx_.clock.now();
    if (now >= record->expiresAt) return refused("The code has expired.");
    if (record->redirectUri != redirectUri) return refused("redirect_uri differs from the authorization request's.");
    if (!service.isConfidential() && record->codeChallenge.empty())
        return refused("A public client's code must have been issued with a code_challenge.");
    if (auto pkceOk = pkce::verify(record->codeChallenge, record->codeChallengeMethod, codeVerifier); !pkceOk)
        return pkceOk.error();

    auto live = lifecycle_.inForce(record->grantId);
    if (!live) return live.error();
    auto subject = subjects_.subjectFor(live->account.id, service);
    if (!subject) return subject.error();
    auto prepared = tokens_.prepare({service, live->grant, live->account, *subject, live->grant.scopes, record->nonce,
                                     issuesRefreshTokens(service), ""});
    if (!prepared) return prepared.error();

    auto stored = ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (!codes_.markUsed(s, record->codeHash, now)) return Error::conflict(kCodeReused, "The code was used already.");
        auto grant = grants_.find(s, record->grantId);
        if (!grant || grant->revokedAt != 0) return refused("The grant was revoked.");
        return tokens_.record(s, *prepared);
    });
    if (!stored) {
        if (stored.error().code != kCodeReused) return stored.error();
        if (auto revoked = lifecycle_.revoke(record->grantId, "code_reuse"); !revoked) return revoked.error();
        return refused("The code was used already; every token issued for it is revoked.");
    }
    return prepared->response;
}

}  // namespace tessera::core::oidc
