#pragma once
// Core-level fixtures for the provider's tests: an OIDC provider over a fresh test database
// (SQLite or PostgreSQL) with a manual clock and a fake source of services' JWKS documents,
// and builders for services.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/oidc/ClientJwks.h"
#include "core/oidc/Provider.h"
#include "core/services/ServiceRegistry.h"
#include "core/verification/VerificationParts.h"
#include "support/AuthBuilders.h"
#include "support/TempDir.h"

namespace tessera::test {

inline constexpr const char* kTestIssuer = "https://tessera.test";

// Serves JWKS documents from memory and counts fetches.
class FakeJwksSource final : public core::oidc::JwksSource {
public:
    void set(const std::string& uri, const std::string& document);
    int fetches() const;
    Result<std::string> fetch(const std::string& uri) override;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::string> documents_;
    int fetches_ = 0;
};

core::oidc::OidcSettings testOidcSettings();

class OidcCore {
public:
    explicit OidcCore(const std::string& backend);

    core::Context& ctx() { return auth_.ctx(); }
    infra::ManualClock& clock() { return auth_.clock(); }
    store::Database& db() { return auth_.db(); }
    core::oidc::Provider& provider() { return *provider_; }
    FakeJwksSource& jwks() { return *jwks_; }

private:
    AuthTestContext auth_;
    std::shared_ptr<FakeJwksSource> jwks_;
    std::unique_ptr<core::oidc::Provider> provider_;
};

// OidcCore with identity verification set up (ctx.verification): `policy` (its acr values),
// the test registers of VerificationBuilders' people and a blob store.
class AssuranceOidcCore {
public:
    explicit AssuranceOidcCore(const std::string& backend, core::AssurancePolicy policy = {});

    OidcCore& oidc() { return oidc_; }
    core::Context& ctx() { return oidc_.ctx(); }
    infra::ManualClock& clock() { return oidc_.clock(); }
    core::oidc::Provider& provider() { return oidc_.provider(); }
    core::VerificationParts& parts() { return *parts_; }

private:
    OidcCore oidc_;
    TempDir blobDir_;
    std::unique_ptr<core::VerificationParts> parts_;
};

// A confidential back-end service allowed client_credentials, authenticating with `method`.
core::ServiceChanges backendService(const std::string& name = "Council tax",
                                    const std::string& method = "client_secret_basic");
// Creates the service (throws if it is refused).
core::ServiceWithSecret createService(core::Context& ctx, const core::ServiceChanges& changes);

// --- the authorization-code flow (phase 2) ---

// A PKCE verifier and its S256 challenge (computed independently with Python hashlib).
inline constexpr const char* kCodeVerifier = "dBjftJeZ4CVP-mJ0Oh8RrL6MSf4rB6lhoTgM9ZRJ3mQ";
inline constexpr const char* kCodeChallenge = "p3F9yslIyJW8Hvy_UuKeH3vPRmhhHQQirrnsK7QUluI";

// A confidential relying party allowed authorization_code and refresh_token, every citizen
// scope and the claims Tessera supplies, redirecting to https://<host>/callback; pairwise.
core::ServiceChanges relyingParty(const std::string& name = "Parking permits", const std::string& host = "parking.example");
// A public client (a native or browser app): method none, PKCE required.
core::ServiceChanges publicApp(const std::string& name = "Reviewer app", const std::string& host = "app.example");

// A signed-in citizen: an active account and an authenticated portal session.
struct SignedInCitizen {
    TestAccount account;
    core::NewSession session;
};
SignedInCitizen signedInCitizen(core::Context& ctx, const std::string& email = "ada@example.org");

// What the front channel would hand over after sign-in and consent: openid profile email,
// consent to name, email and email_verified, a nonce, the kCodeChallenge, LoA 0, pwd + otp.
core::oidc::CodeRequest codeRequest(const core::Service& service, const SignedInCitizen& citizen,
                                    const infra::Clock& clock);
// issue() that REQUIREs success.
core::oidc::IssuedCode issueCode(core::oidc::Provider& provider, const core::oidc::CodeRequest& request);
// How the service authenticated at the token endpoint.
core::oidc::AuthenticatedClient asClient(const core::Service& service);
// Exchanges the code with kCodeVerifier at the first redirect URI; REQUIREs success.
core::oidc::TokenResponse exchangeCode(core::oidc::Provider& provider, const core::Service& service,
                                       const std::string& code);
// Verifies a JWT's signature with the provider's JWKS (the key its kid names, the algorithm
// that key is for) and returns its header and payload; FAILs when it does not verify.
struct VerifiedJwt {
    std::string alg, typ, kid;
    Poco::JSON::Object::Ptr claims;
};
VerifiedJwt verifyWithJwks(core::oidc::Provider& provider, const std::string& jwt);
// Sets the account's status (e.g. Disabled) straight in the store.
void setAccountStatus(core::Context& ctx, const std::string& accountId, core::AccountStatus status);
// Rows in `table` (optionally WHERE `where`).
std::int64_t rowCount(store::Database& db, const std::string& table, const std::string& where = "");

}  // namespace tessera::test
