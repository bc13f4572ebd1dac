#include "core/oidc/LogoutDelivery.h"

#include <Poco/Logger.h>

namespace tessera::core::oidc {

namespace {

Error notDelivered(const std::string& why) {
    return Error::unavailable("logout_not_delivered", "The service was not told of the logout: " + why);
}

}  // namespace

Status LogoutDelivery::deliver(const PendingLogout& pending) {
    const OidcSession& row = pending.session;
    auto token = tokens_.build({pending.clientId, row.subject, row.sid, pending.idTokenAlg});
    if (!token) return token.error();

    auto answered = poster_->post(pending.backchannelLogoutUri, {{"logout_token", *token}});
    if (!answered) return notDelivered(answered.error().message);
    const int status = *answered;
    if (status < 200 || status > 299) return notDelivered("it answered HTTP " + std::to_string(status));

    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (!store_.markSent(s, row.sid, ctx_.clock.now())) return {};  // another process told it first
        AuditEvent e;
        e.event = "oidc.backchannel_logout.sent";
        e.actor = "system";
        e.subject = row.accountId;
        e.details = {{"service", row.serviceId}, {"sid", row.sid}, {"status", std::to_string(status)}};
        return ctx_.audit.append(s, e);
    });
}

void LogoutDelivery::giveUp(const PendingLogout& pending, int attempts, const std::string& lastProblem) {
    const OidcSession& row = pending.session;
    Poco::Logger::get("tessera.oidc")
        .warning("back-channel logout to service " + row.serviceId + " abandoned after " + std::to_string(attempts) +
                 " attempts: " + lastProblem);
    AuditEvent e;
    e.event = "oidc.backchannel_logout.failed";
    e.actor = "system";
    e.subject = row.accountId;
    e.details = {{"service", row.serviceId},
                 {"sid", row.sid},
                 {"attempts", std::to_string(attempts)},
                 {"problem", lastProblem.substr(0, 200)}};
    if (auto audited = ctx_.audit.append(e); !audited)
        Poco::Logger::get("tessera.oidc").error("could not audit an abandoned logout: " + audited.error().message);
}

}  // namespace tessera::core::oidc
