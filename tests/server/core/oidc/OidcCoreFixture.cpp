#include "OidcCoreFixture.h"

#include <catch2/catch.hpp>

#include <stdexcept>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include "core/oidc/Jws.h"
#include "support/AssuranceOidcBuilders.h"
#include "support/FakeSectorSource.h"
#include "tessera/shared/Loa.h"

namespace tessera::test {

void FakeJwksSource::set(const std::string& uri, const std::string& document) {
    std::lock_guard<std::mutex> lock(mutex_);
    documents_[uri] = document;
}

int FakeJwksSource::fetches() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return fetches_;
}

Result<std::string> FakeJwksSource::fetch(const std::string& uri) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++fetches_;
    auto it = documents_.find(uri);
    if (it == documents_.end()) return Error::unavailable("jwks_unavailable", "no JWKS at " + uri);
    return it->second;
}

core::oidc::OidcSettings testOidcSettings() {
    core::oidc::OidcSettings s;
    s.issuer = kTestIssuer;
    s.rsaKeyBits = 2048;  // quicker to generate; production uses 3072
    return s;
}

OidcCore::OidcCore(const std::string& backend)
    : auth_(backend), jwks_(std::make_shared<FakeJwksSource>()),
      provider_(std::make_unique<core::oidc::Provider>(auth_.ctx(), testOidcSettings(), jwks_)) {
    if (auto started = provider_->start(); !started)
        throw std::runtime_error("the provider did not start: " + started.error().message);
}

AssuranceOidcCore::AssuranceOidcCore(const std::string& backend, core::AssurancePolicy policy)
    : oidc_(backend), parts_(testVerificationParts(oidc_.ctx(), blobDir_.path(), std::move(policy))) {
    oidc_.ctx().verification = parts_.get();
}

core::ServiceChanges backendService(const std::string& name, const std::string& method) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = method;
    c.grantTypes = std::vector<std::string>{"client_credentials"};
    c.allowedScopes = std::vector<std::string>{};
    if (method == "private_key_jwt") c.jwksUri = "https://" + std::string("service.example/jwks.json");
    return c;
}

core::ServiceWithSecret createService(core::Context& ctx, const core::ServiceChanges& changes) {
    auto created = core::ServiceRegistry(ctx, FakeSectorSource::vouchingFor(changes)).create(changes, {"test-admin", "127.0.0.1"});
    if (!created) {
        std::string detail = created.error().message;
        for (const auto& f : created.error().fields) detail += " [" + f.field + ": " + f.code + "]";
        throw std::runtime_error("createService: " + detail);
    }
    return *created;
}

core::ServiceChanges relyingParty(const std::string& name, const std::string& host) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = "client_secret_basic";
    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token"};
    c.redirectUris = std::vector<std::string>{"https://" + host + "/callback"};
    c.allowedScopes = std::vector<std::string>{"openid", "profile", "email", "address", "phone", "offline_access"};
    c.allowedClaims = std::vector<std::string>{"name", "email", "email_verified", "birthdate", "gender", "address",
                                               "phone_number"};
    return c;
}

core::ServiceChanges publicApp(const std::string& name, const std::string& host) {
    core::ServiceChanges c = relyingParty(name, host);
    c.clientType = "public";
    c.tokenEndpointAuthMethod = "none";
    return c;
}

SignedInCitizen signedInCitizen(core::Context& ctx, const std::string& email) {
    SignedInCitizen out;
    out.account = makeAccount(ctx, activeWithTotp(email));
    out.session = makeSession(ctx, out.account.id, core::SessionStage::Authenticated);
    return out;
}

core::oidc::CodeRequest codeRequest(const core::Service& service, const SignedInCitizen& citizen,
                                    const infra::Clock& clock) {
    core::oidc::CodeRequest r;
    r.serviceId = service.id;
    r.accountId = citizen.account.id;
    r.sessionPublicId = citizen.session.session.publicId;
    r.redirectUri = service.redirectUris.front();
    r.scopes = {"openid", "profile", "email"};
    r.claims = {"name", "email", "email_verified"};
    r.nonce = "n-0S6_WzA2Mj";
    r.codeChallenge = kCodeChallenge;
    r.codeChallengeMethod = "S256";
    r.acr = std::string(defaultAcr(Loa::Loa0));
    r.amr = {"pwd", "otp"};
    r.authTime = clock.now() - 5;
    return r;
}

core::oidc::IssuedCode issueCode(core::oidc::Provider& provider, const core::oidc::CodeRequest& request) {
    auto issued = provider.codeGrant().issue(request);
    if (!issued) FAIL("issue: " + issued.error().code + ": " + issued.error().message);
    return *issued;
}

core::oidc::AuthenticatedClient asClient(const core::Service& service) {
    return {service, service.isConfidential() ? core::oidc::ClientAuthMethod::SecretBasic
                                              : core::oidc::ClientAuthMethod::None};
}

core::oidc::TokenResponse exchangeCode(core::oidc::Provider& provider, const core::Service& service,
                                       const std::string& code) {
    auto tokens = provider.codeGrant().exchange(asClient(service), code, service.redirectUris.front(), kCodeVerifier);
    if (!tokens) FAIL("exchange: " + tokens.error().code + ": " + tokens.error().message);
    return *tokens;
}

VerifiedJwt verifyWithJwks(core::oidc::Provider& provider, const std::string& jwt) {
    auto parsed = core::oidc::jws::parse(jwt);
    if (!parsed) FAIL("not a JWS: " + parsed.error().message);
    auto keys = provider.keys().jwks()->getArray("keys");
    for (std::size_t i = 0; i < keys->size(); ++i) {
        auto jwk = keys->getObject(static_cast<unsigned>(i));
        if (jwk->getValue<std::string>("kid") != parsed->kid) continue;
        auto alg = core::oidc::jwsAlgFrom(jwk->getValue<std::string>("alg"));
        auto key = core::oidc::AsymmetricKey::fromPublicJwk(*jwk);
        REQUIRE(alg);
        REQUIRE(key);
        REQUIRE(parsed->alg == jwk->getValue<std::string>("alg"));
        if (!core::oidc::jws::verify(*alg, *key, parsed->signingInput, parsed->signature))
            FAIL("the signature does not verify with the JWKS key " + parsed->kid);
        return {parsed->alg, parsed->typ, parsed->kid, parsed->payload};
    }
    FAIL("no key in the JWKS for kid " + parsed->kid);
    return {};
}

void setAccountStatus(core::Context& ctx, const std::string& accountId, core::AccountStatus status) {
    auto done = ctx.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto account = ctx.accounts.findById(s, accountId);
        if (!account) return Error::notFound("no_account", "no such account");
        account->status = status;
        return ctx.accounts.update(s, *account, ctx.clock.now());
    });
    if (!done) throw std::runtime_error("setAccountStatus: " + done.error().message);
}

std::int64_t rowCount(store::Database& db, const std::string& table, const std::string& where) {
    Poco::Data::Session s = db.session();
    Poco::Int64 n = 0;
    s << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where), Poco::Data::Keywords::into(n),
        Poco::Data::Keywords::now;
    return n;
}

}  // namespace tessera::test
