#include "LogoutFixture.h"

#include "infra/http/HttpFormPoster.h"

namespace tessera::test {

core::oidc::BackchannelLogoutSettings quickBackchannel() {
    core::oidc::BackchannelLogoutSettings s;
    s.retryDelays = {std::chrono::milliseconds(50), std::chrono::milliseconds(100), std::chrono::milliseconds(200)};
    s.scanInterval = std::chrono::milliseconds(200);
    s.commitWait = std::chrono::seconds(2);
    return s;
}

core::ServiceChanges signInService(const std::string& name, const std::string& backchannelLogoutUri,
                                   std::vector<std::string> postLogoutRedirectUris) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = "client_secret_basic";
    c.grantTypes = std::vector<std::string>{"authorization_code"};
    c.allowedScopes = std::vector<std::string>{"openid"};
    c.redirectUris = std::vector<std::string>{"https://service.example/callback"};
    c.postLogoutRedirectUris = std::move(postLogoutRedirectUris);
    if (!backchannelLogoutUri.empty()) c.backchannelLogoutUri = backchannelLogoutUri;
    return c;
}

LogoutCore::LogoutCore(const std::string& backend, core::oidc::BackchannelLogoutSettings backchannel,
                       std::int64_t postTimeoutSeconds)
    : oidc_(backend), signer_(oidc_.ctx(), testOidcSettings()), postTimeoutSeconds_(postTimeoutSeconds) {
    logout_ = another(std::move(backchannel));
    logout_->start();
}

std::unique_ptr<core::oidc::OidcLogout> LogoutCore::another(core::oidc::BackchannelLogoutSettings backchannel) {
    return std::make_unique<core::oidc::OidcLogout>(
        oidc_.ctx(), testOidcSettings(), std::make_shared<infra::HttpFormPoster>(postTimeoutSeconds_),
        std::move(backchannel));
}

CitizenAtServices anotherSessionAt(core::Context& ctx, const TestAccount& account, const std::vector<std::string>& serviceIds) {
    CitizenAtServices c;
    c.account = account;
    c.session = makeSession(ctx, account.id, core::SessionStage::Authenticated);
    for (const auto& id : serviceIds) c.sids.push_back(makeOpSession(ctx, c.session.session.publicId, account.id, id));
    return c;
}

CitizenAtServices citizenAtServices(core::Context& ctx, const std::string& email, const std::vector<std::string>& serviceIds) {
    return anotherSessionAt(ctx, makeAccount(ctx, activeWithTotp(email)), serviceIds);
}

}  // namespace tessera::test
