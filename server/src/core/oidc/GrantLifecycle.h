#pragma once
// Whether a grant may still be used, and ending it. A grant is in force while it is neither
// revoked nor expired, its citizen's account is active and its service is enabled; a deleted
// account takes its grants with it. Revoking ends the grant with every access and refresh
// token issued under it, and is audited (the reason says why: code_reuse, refresh_reuse,
// revoked_by_client, ...).
#include <string>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/oidc/GrantStore.h"
#include "core/oidc/OidcSessionStore.h"
#include "core/services/Service.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct LiveGrant {
    Grant grant;
    Account account;
    Service service;
};

class GrantLifecycle {
public:
    explicit GrantLifecycle(Context& ctx) : ctx_(ctx), grants_(ctx.db), opSessions_(ctx.db) {}

    // Invalid "invalid_grant" when the grant is not in force (the message says why).
    Result<LiveGrant> inForce(const std::string& grantId);
    // In force and, without offline_access, its OP session still open (AuthorizationCodeGrant.h).
    Result<LiveGrant> refreshable(const std::string& grantId);
    // Revokes the family in a transaction of its own; idempotent.
    Status revoke(const std::string& grantId, const std::string& reason);

private:
    Context& ctx_;
    GrantStore grants_;
    OidcSessionStore opSessions_;
};

}  // namespace tessera::core::oidc
