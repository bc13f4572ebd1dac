#pragma once
// The reviewer workstation (reviewer-app/) signs staff in through this server's own OpenID
// Connect as a built-in client, registered at start-up under the client_id of the setting
// workstation.client_id (default "tessera-reviewer"; empty: no built-in client):
//   - a public client (token_endpoint_auth_method none): a desktop program keeps no secret;
//     PKCE with S256 is then required by the authorization endpoint (RFC 7636, RFC 9700);
//   - grants authorization_code and refresh_token; refresh tokens rotate at every use and a
//     reused one revokes the whole grant (core/oidc/RefreshTokenGrant), as the OAuth security
//     BCP asks of public clients;
//   - one redirect URI, http://127.0.0.1/callback, on which any port matches (RFC 8252 §7.3);
//   - scopes openid, tessera:staff and offline_access, and no claims: the workstation reads
//     who is signed in from GET /api/v1/staff/me, so no citizen data flows to it;
//   - first party: no consent page (web/oidc/AuthorizationFlow), since it is the platform's
//     own program and receives no claims;
//   - access tokens as short as every token here (oidc.access_token_seconds, 10 minutes).
// tessera:staff lets a token act for the staff member on the REST API; no other client may be
// allowed it (checkStaffScope, applied when services are registered or changed).
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/services/Service.h"
#include "infra/Settings.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

inline constexpr const char* kWorkstationRedirectUri = "http://127.0.0.1/callback";

bool isWorkstationClient(const Service& service, const infra::Settings& settings);

// Field error "allowedScopes[i]" (staff_scope_reserved) when a service other than the
// workstation's built-in client lists tessera:staff.
Status checkStaffScope(const Service& service, const infra::Settings& settings);

// Registers the built-in client if it is missing, or puts back what the workstation relies on
// (client type, method, grants, redirect URI, scopes, claims) if it was changed; its name,
// description and whether an administrator disabled it are left alone. Audited as
// service.created / service.updated by "system". nullopt when workstation.client_id is empty.
Result<std::optional<Service>> ensureWorkstationClient(Context& ctx);

}  // namespace tessera::core
