#pragma once
// Test data for the authorization endpoint (the front channel of the code flow):
//  - services that sign citizens in: a confidential web service on an https redirect URI and
//    a public native app on a loopback one (any port);
//  - the parameters of a valid authorization request, to change one at a time;
//  - an account's level of assurance, set directly;
//  - reading the query of a redirect's Location.
#include <map>
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/oidc/AuthorizationRequest.h"
#include "core/services/ServiceRegistry.h"

namespace tessera::test {

inline constexpr const char* kServiceRedirect = "https://council.example/callback";
inline constexpr const char* kLoopbackRedirect = "http://127.0.0.1/callback";
// RFC 7636 Appendix B: a verifier and its S256 challenge.
inline constexpr const char* kPkceVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
inline constexpr const char* kPkceChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

// A confidential service allowed the code flow: redirect kServiceRedirect; scopes openid,
// profile, email, address, offline_access; claims name, email, email_verified, birthdate,
// address; why it asks, in en, fr and gd; minimum LoA 0.
core::ServiceChanges signInService(const std::string& name = "Council tax");
// A public native app (no secret, PKCE) on kLoopbackRedirect.
core::ServiceChanges loopbackApp(const std::string& name = "Desktop app");
// Creates the service (throws if it is refused).
core::ServiceWithSecret makeService(core::Context& ctx, const core::ServiceChanges& changes);

// response_type=code, client_id, redirect_uri, scope "openid profile email", state, nonce and
// an S256 code challenge (kPkceChallenge).
core::oidc::AuthorizationParameters authorizeParameters(const core::Service& service,
                                                        const std::string& redirectUri = kServiceRedirect);
// Sets a parameter (replacing every earlier value), or removes it when value is nullopt.
core::oidc::AuthorizationParameters with(core::oidc::AuthorizationParameters parameters, const std::string& name,
                                         const std::optional<std::string>& value);
// "/oauth2/authorize?a=1&b=2", form-encoded.
std::string authorizePath(const core::oidc::AuthorizationParameters& parameters);

void setAccountLoa(core::Context& ctx, const std::string& accountId, int loa);

// The decoded query parameters of a URL (the last value of a repeated one).
std::map<std::string, std::string> queryOf(const std::string& url);
// The URL without its query.
std::string withoutQuery(const std::string& url);

}  // namespace tessera::test
