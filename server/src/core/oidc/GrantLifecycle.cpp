#include "core/oidc/GrantLifecycle.h"

#include "core/services/ServiceStore.h"

namespace tessera::core::oidc {

namespace {

Error notInForce(const std::string& why) { return Error::invalid("invalid_grant", "The grant " + why + "."); }

}  // namespace

Result<LiveGrant> GrantLifecycle::inForce(const std::string& grantId) {
    auto grant = grants_.find(grantId);
    if (!grant) return notInForce("does not exist");
    if (grant->revokedAt != 0) return notInForce("was revoked");
    if (ctx_.clock.now() >= grant->expiresAt) return notInForce("has expired");
    auto account = ctx_.accounts.findById(grant->accountId);
    if (!account || account->status != AccountStatus::Active) return notInForce("belongs to an account that is not active");
    auto service = ServiceStore(ctx_.db).findById(grant->serviceId);
    if (!service || service->disabled) return notInForce("belongs to a service that is disabled");
    return LiveGrant{std::move(*grant), std::move(*account), std::move(*service)};
}

Result<LiveGrant> GrantLifecycle::refreshable(const std::string& grantId) {
    auto live = inForce(grantId);
    if (!live || live->grant.hasScope("offline_access")) return live;
    auto opSession = opSessions_.find(live->grant.sid);
    if (!opSession || opSession->endedAt != 0)
        return notInForce("has no offline_access and the citizen's session with the service has ended");
    return live;
}

Status GrantLifecycle::revoke(const std::string& grantId, const std::string& reason) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto grant = grants_.find(s, grantId);
        if (!grant) return {};
        if (!grants_.revokeFamily(s, grantId, ctx_.clock.now(), reason)) return {};
        return ctx_.audit.append(s, {"oidc.grant_revoked", "system", grant->accountId, "",
                                     {{"service", grant->serviceId}, {"grant", grant->id}, {"reason", reason}}});
    });
}

}  // namespace tessera::core::oidc
