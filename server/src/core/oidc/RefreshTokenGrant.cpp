#include "core/oidc/RefreshTokenGrant.h"

#include <algorithm>

#include "core/oidc/Scope.h"

namespace tessera::core::oidc {

namespace {

constexpr const char* kReused = "refresh_token_reused";  // internal: the conditional update lost

Error refused(const std::string& why) { return Error::invalid("invalid_grant", why); }

}  // namespace

Result<TokenResponse> RefreshTokenGrant::refresh(const AuthenticatedClient& client, const std::string& refreshToken,
                                                 const std::optional<std::string>& scope) {
    const Service& service = client.service;
    if (!service.allowsGrant("refresh_token"))
        return Error::invalid("unauthorized_client", "This client is not allowed the refresh_token grant.");
    if (refreshToken.empty()) return Error::invalid("invalid_request", "refresh_token is required.");

    auto record = refreshTokens_.findByToken(refreshToken);
    // Another client's token: it learns nothing and changes nothing.
    if (!record || record->serviceId != service.id) return refused("The refresh token is unknown.");
    if (record->revokedAt != 0) return refused("The refresh token was revoked.");
    if (record->usedAt != 0) {
        if (auto revoked = lifecycle_.revoke(record->grantId, "refresh_reuse"); !revoked) return revoked.error();
        return refused("The refresh token was used already; the grant is revoked.");
    }
    const std::int64_t now = ctx_.clock.now();
    if (now >= record->expiresAt) return refused("The refresh token has expired.");

    auto live = lifecycle_.refreshable(record->grantId);
    if (!live) return live.error();
    const Grant& grant = live->grant;

    // RFC 6749 §6: the scope may narrow what the grant holds, never widen it.
    std::vector<std::string> scopes = record->scopes;
    if (scope) {
        auto asked = scope::parse(*scope);
        if (!asked) return asked.error();
        for (const auto& s : *asked)
            if (std::find(record->scopes.begin(), record->scopes.end(), s) == record->scopes.end())
                return Error::invalid("invalid_scope", "The scope " + s + " was not granted.");
        scopes = std::move(*asked);
    }
    auto subject = subjects_.subjectFor(live->account.id, service);
    if (!subject) return subject.error();
    auto prepared = tokens_.prepare({service, grant, live->account, *subject, scopes, "", true, record->tokenHash});
    if (!prepared) return prepared.error();

    auto stored = ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (!refreshTokens_.markUsed(s, record->tokenHash, now))
            return Error::conflict(kReused, "The refresh token was used already.");
        auto current = grants_.find(s, grant.id);
        if (!current || current->revokedAt != 0) return refused("The grant was revoked.");
        return tokens_.record(s, *prepared);
    });
    if (!stored) {
        if (stored.error().code != kReused) return stored.error();
        // Lost the race to another use of the same token, or the token was revoked meanwhile.
        if (auto revoked = lifecycle_.revoke(record->grantId, "refresh_reuse"); !revoked) return revoked.error();
        return refused("The refresh token was used already; the grant is revoked.");
    }
    return prepared->response;
}

}  // namespace tessera::core::oidc
