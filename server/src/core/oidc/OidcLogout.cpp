#include "core/oidc/OidcLogout.h"

namespace tessera::core::oidc {

OidcLogout::OidcLogout(Context& ctx, OidcSettings settings, std::shared_ptr<infra::FormPoster> poster,
                       BackchannelLogoutSettings backchannel)
    : ctx_(ctx),
      settings_(std::move(settings)),
      opSessions_(ctx.db),
      services_(ctx.db),
      keys_(ctx.db, ctx.clock, ctx.dataKey, ctx.audit, settings_),
      issuer_(ctx.db, ctx.clock, keys_, settings_),
      tokens_(issuer_, ctx.clock, settings_),
      delivery_(ctx, opSessions_, tokens_, std::move(poster)),
      backchannel_(ctx, opSessions_, delivery_, std::move(backchannel)),
      listener_(ctx.db, opSessions_, &backchannel_),
      hints_(keys_, services_, settings_),
      endSession_(ctx, hints_, opSessions_) {}

OidcLogout::~OidcLogout() {
    stop();
    if (ctx_.sessions.endListener() == &listener_) ctx_.sessions.setEndListener(nullptr);
}

void OidcLogout::start() {
    ctx_.sessions.setEndListener(&listener_);
    backchannel_.start();
}

void OidcLogout::stop() {
    backchannel_.stop();
    // Sessions still end after this (a test's own ends, say); their rows just wait in the queue.
}

}  // namespace tessera::core::oidc
