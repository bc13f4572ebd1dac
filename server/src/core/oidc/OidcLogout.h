#pragma once
// The provider's logout parts, built once per process by the composition root
// (web/Application) over the core context: RP-initiated logout (EndSession) and back-channel
// logout (the worker, and the session-end listener that feeds it). Holds its own view of the
// signing keys: they live in the database, so it signs and verifies with the same keys as
// the rest of the provider (like another server process would).
//
//   OidcLogout logout(ctx, oidcSettingsFrom(settings), std::make_shared<infra::HttpFormPoster>());
//   logout.start();  // listens for session ends, starts the worker
//   ...
//   logout.stop();   // at shutdown, after the HTTP server stopped
#include <memory>

#include "core/Context.h"
#include "core/oidc/BackchannelLogout.h"
#include "core/oidc/EndSession.h"
#include "core/oidc/IdTokenHint.h"
#include "core/oidc/LogoutDelivery.h"
#include "core/oidc/LogoutOnSessionEnd.h"
#include "core/oidc/LogoutTokenBuilder.h"
#include "core/oidc/OidcSessionStore.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeys.h"
#include "core/oidc/TokenIssuer.h"
#include "core/services/ServiceStore.h"
#include "infra/http/FormPoster.h"

namespace tessera::core::oidc {

class OidcLogout {
public:
    OidcLogout(Context& ctx, OidcSettings settings, std::shared_ptr<infra::FormPoster> poster,
               BackchannelLogoutSettings backchannel = {});
    ~OidcLogout();
    OidcLogout(const OidcLogout&) = delete;
    OidcLogout& operator=(const OidcLogout&) = delete;

    // Becomes ctx.sessions' end listener and starts the back-channel worker.
    void start();
    // Stops listening and stops the worker (what is undelivered stays queued in the database).
    void stop();

    EndSession& endSession() { return endSession_; }
    BackchannelLogout& backchannel() { return backchannel_; }
    OidcSessionStore& opSessions() { return opSessions_; }
    const OidcSettings& settings() const { return settings_; }

private:
    Context& ctx_;
    OidcSettings settings_;
    OidcSessionStore opSessions_;
    ServiceStore services_;
    SigningKeys keys_;
    TokenIssuer issuer_;
    LogoutTokenBuilder tokens_;
    LogoutDelivery delivery_;
    BackchannelLogout backchannel_;
    LogoutOnSessionEnd listener_;
    IdTokenHintReader hints_;
    EndSession endSession_;
};

}  // namespace tessera::core::oidc
