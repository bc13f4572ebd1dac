#pragma once
// Core-level fixtures for logout: the provider over a test database (OidcCore) with the
// logout parts running (OidcLogout) and a real HTTP poster with a short timeout, quick retry
// pacing, services citizens sign in to, and a citizen signed in to them through one portal
// session (oidc_sessions rows made as the authorization-code grant makes them).
#include <memory>
#include <string>
#include <vector>

#include "OidcCoreFixture.h"
#include "core/oidc/OidcLogout.h"
#include "support/OidcSessionBuilders.h"

namespace tessera::test {

// Retries after 50, 100 and 200 ms; a scan every 200 ms; 2 s for an end to commit.
core::oidc::BackchannelLogoutSettings quickBackchannel();

// A confidential service citizens sign in to (authorization_code, openid), with the given
// back-channel logout URI ("" for none) and post-logout redirect URIs.
core::ServiceChanges signInService(const std::string& name, const std::string& backchannelLogoutUri,
                                   std::vector<std::string> postLogoutRedirectUris = {});

class LogoutCore {
public:
    explicit LogoutCore(const std::string& backend,
                        core::oidc::BackchannelLogoutSettings backchannel = quickBackchannel(),
                        std::int64_t postTimeoutSeconds = 2);

    OidcCore& oidc() { return oidc_; }
    core::Context& ctx() { return oidc_.ctx(); }
    infra::ManualClock& clock() { return oidc_.clock(); }
    core::oidc::OidcLogout& logout() { return *logout_; }
    // Another instance over the same database (a restarted process), not started.
    std::unique_ptr<core::oidc::OidcLogout> another(core::oidc::BackchannelLogoutSettings backchannel = quickBackchannel());
    // Stops and forgets the logout parts (the session-end listener goes with them).
    void dropLogout() { logout_.reset(); }
    // An ID token of the provider for a service.
    std::string idToken(const IdTokenSpec& spec) { return signer_.idToken(spec); }
    ProviderSigner& signer() { return signer_; }

private:
    OidcCore oidc_;
    std::unique_ptr<core::oidc::OidcLogout> logout_;
    ProviderSigner signer_;
    std::int64_t postTimeoutSeconds_;
};

// A citizen, an authenticated portal session, and an OP session at each service given.
struct CitizenAtServices {
    TestAccount account;
    core::NewSession session;
    std::vector<std::string> sids;  // in the order of the services
};
CitizenAtServices citizenAtServices(core::Context& ctx, const std::string& email, const std::vector<std::string>& serviceIds);
// Another portal session of the same account, with OP sessions at the services given.
CitizenAtServices anotherSessionAt(core::Context& ctx, const TestAccount& account, const std::vector<std::string>& serviceIds);

}  // namespace tessera::test
