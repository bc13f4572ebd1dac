#include "core/oidc/Provider.h"

#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

namespace {

constexpr std::int64_t kHousekeepingSeconds = 60;
// Revoked refresh tokens are kept a day, so a client presenting one is told it was revoked
// rather than unknown while anyone is still looking into why.
constexpr std::int64_t kRevokedRefreshTokenKeepSeconds = 24 * 3600;

bool rs256InUse(store::Database& db) {
    Poco::Data::Session s = db.session();
    Poco::Int64 services = 0, keys = 0;
    s << "SELECT COUNT(*) FROM services WHERE id_token_alg = 'RS256'", into(services), now;
    s << "SELECT COUNT(*) FROM signing_keys WHERE alg = 'RS256'", into(keys), now;
    return services > 0 || keys > 0;
}

}  // namespace

Provider::Provider(Context& ctx, OidcSettings settings, std::shared_ptr<JwksSource> jwksSource)
    : ctx_(ctx),
      settings_(std::move(settings)),
      services_(ctx.db),
      keys_(ctx.db, ctx.clock, ctx.dataKey, ctx.audit, settings_),
      issuer_(ctx.db, ctx.clock, keys_, settings_),
      verifier_(ctx.db, ctx.clock, keys_, settings_),
      jwks_(ctx.clock, std::move(jwksSource), settings_),
      assertions_(ctx.db, ctx.clock, jwks_, settings_),
      clients_(services_, assertions_, settings_),
      clientCredentials_(issuer_, settings_),
      subjects_(ctx.db, ctx.clock),
      introspection_(ctx, verifier_, services_, subjects_, settings_),
      codeGrant_(ctx, issuer_, subjects_, settings_),
      refreshGrant_(ctx, issuer_, subjects_, settings_),
      userInfo_(ctx, verifier_) {}

Status Provider::start() {
    if (auto es = keys_.ensureCurrent(JwsAlg::ES256); !es) return es;
    if (rs256InUse(ctx_.db)) return keys_.ensureCurrent(JwsAlg::RS256);
    return {};
}

void Provider::housekeeping() {
    const std::int64_t now = ctx_.clock.now();
    std::int64_t last = lastHousekeeping_.load();
    if (now - last < kHousekeepingSeconds && now >= last) return;
    if (!lastHousekeeping_.compare_exchange_strong(last, now)) return;  // another thread does it
    AccessTokenStore(ctx_.db).purgeExpired(now);
    AuthorizationCodeStore(ctx_.db).purge(now);
    RefreshTokenStore(ctx_.db).purge(now, now - kRevokedRefreshTokenKeepSeconds);
    assertions_.purgeExpired(now);
}

}  // namespace tessera::core::oidc
