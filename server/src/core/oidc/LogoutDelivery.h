#pragma once
// Tells one service that one OP session ended (OpenID Connect Back-Channel Logout 1.0 §2.5):
// POSTs logout_token=<a fresh Logout Token> as application/x-www-form-urlencoded to its
// backchannel_logout_uri. A 2xx answer (the spec asks for 200; some frameworks send 204) is
// success: logout_sent_at is recorded and the delivery audited (oidc.backchannel_logout.sent).
// Anything else is the caller's to retry (BackchannelLogout). The token is never logged or
// audited; only service, sid and status are.
#include <cstdint>
#include <memory>
#include <string>

#include "core/Context.h"
#include "core/oidc/LogoutTokenBuilder.h"
#include "core/oidc/OidcSessionStore.h"
#include "infra/http/FormPoster.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class LogoutDelivery {
public:
    LogoutDelivery(Context& ctx, OidcSessionStore& store, LogoutTokenBuilder& tokens,
                   std::shared_ptr<infra::FormPoster> poster)
        : ctx_(ctx), store_(store), tokens_(tokens), poster_(std::move(poster)) {}

    // Ok once the service answered 2xx (recorded). Unavailable "logout_not_delivered" when it
    // answered something else or nothing; Internal when no token could be made.
    Status deliver(const PendingLogout& pending);
    // Audits that the service was never told (oidc.backchannel_logout.failed) after `attempts`.
    void giveUp(const PendingLogout& pending, int attempts, const std::string& lastProblem);

private:
    Context& ctx_;
    OidcSessionStore& store_;
    LogoutTokenBuilder& tokens_;
    std::shared_ptr<infra::FormPoster> poster_;
};

}  // namespace tessera::core::oidc
