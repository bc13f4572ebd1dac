#include "OidcWebFixture.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "core/services/Roles.h"

namespace tessera::test {

void oidcServerSettings(infra::Settings& settings) {
    useCheapPasswordHashing(settings);
    settings.publicUrl = kIssuer;
}

ServiceCredentials createBackendService(TestServer& server, const std::string& name, const std::string& method,
                                        const std::function<void(core::ServiceChanges&)>& tweak) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = method;
    c.grantTypes = std::vector<std::string>{"client_credentials"};
    c.allowedScopes = std::vector<std::string>{};
    if (tweak) tweak(c);
    auto created = core::ServiceRegistry(server.services()).create(c, {"test-admin", "127.0.0.1"});
    if (!created) throw std::runtime_error("createBackendService: " + created.error().message);
    return {created->service.id, created->service.clientId, created->clientSecret};
}

RelyingPartyCredentials createRelyingParty(TestServer& server, const std::string& name, const std::string& host,
                                           bool publicClient, const std::function<void(core::ServiceChanges&)>& tweak) {
    RelyingPartyCredentials out;
    out.redirectUri = "https://" + host + "/callback";
    static_cast<ServiceCredentials&>(out) = createBackendService(server, name, publicClient ? "none" : "client_secret_basic",
                                [&](core::ServiceChanges& c) {
                                    c.clientType = publicClient ? "public" : "confidential";
                                    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token"};
                                    c.redirectUris = std::vector<std::string>{out.redirectUri};
                                    c.allowedScopes = std::vector<std::string>{"openid", "profile", "email", "address",
                                                                               "phone", "offline_access"};
                                    c.allowedClaims = std::vector<std::string>{
                                        "name", "email", "email_verified", "birthdate", "gender", "address",
                                        "phone_number"};
                                    if (tweak) tweak(c);
                                });
    return out;
}

CodeBuilder::CodeBuilder(TestServer& server)
    : server_(server),
      provider_(std::make_unique<core::oidc::Provider>(server.services(),
                                                       core::oidc::oidcSettingsFrom(server.settings()), nullptr)) {}

CodeBuilder::~CodeBuilder() = default;

const TestAccount& CodeBuilder::citizen(const std::string& email) {
    auto it = citizens_.find(email);
    if (it == citizens_.end()) {
        TestAccount account = makeAccount(server_.services(), activeWithTotp(email));
        auto session = makeSession(server_.services(), account.id, core::SessionStage::Authenticated);
        it = citizens_.emplace(email, std::make_pair(account, session.session.publicId)).first;
    }
    return it->second.first;
}

core::oidc::CodeRequest CodeBuilder::request(const RelyingPartyCredentials& service, const std::string& email) {
    const TestAccount& account = citizen(email);
    core::oidc::CodeRequest r;
    r.serviceId = service.id;
    r.accountId = account.id;
    r.sessionPublicId = citizens_.at(email).second;
    r.redirectUri = service.redirectUri;
    r.scopes = {"openid", "profile", "email"};
    r.claims = {"name", "email", "email_verified"};
    r.nonce = "n-0S6_WzA2Mj";
    r.codeChallenge = kWebCodeChallenge;
    r.codeChallengeMethod = "S256";
    r.acr = "urn:tessera:loa:0";
    r.amr = {"pwd", "otp"};
    r.authTime = server_.clock().now() - 5;
    return r;
}

core::oidc::IssuedCode CodeBuilder::issue(const core::oidc::CodeRequest& request) {
    auto issued = provider_->codeGrant().issue(request);
    if (!issued) throw std::runtime_error("CodeBuilder::issue: " + issued.error().message);
    return *issued;
}

std::map<std::string, std::string> clientAuth(const ServiceCredentials& service) {
    if (service.clientSecret.empty()) return {};
    return {{"Authorization", basicAuth(service.clientId, service.clientSecret)}};
}

ApiResponse exchangeCodeOverHttp(ApiClient& client, const RelyingPartyCredentials& service, const std::string& code,
                                 const std::string& verifier) {
    std::string body = form({{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", service.redirectUri}});
    if (!verifier.empty()) body += "&" + form({{"code_verifier", verifier}});
    if (service.clientSecret.empty()) body += "&" + form({{"client_id", service.clientId}});
    return postForm(client, "/oauth2/token", body, clientAuth(service));
}

ApiResponse refreshOverHttp(ApiClient& client, const ServiceCredentials& service, const std::string& refreshToken,
                            const std::string& scope) {
    std::string body = form({{"grant_type", "refresh_token"}, {"refresh_token", refreshToken}});
    if (!scope.empty()) body += "&" + form({{"scope", scope}});
    if (service.clientSecret.empty()) body += "&" + form({{"client_id", service.clientId}});
    return postForm(client, "/oauth2/token", body, clientAuth(service));
}

std::string form(std::initializer_list<std::pair<std::string, std::string>> fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        std::string ek, ev;
        Poco::URI::encode(k, "!#$&'()*+,/:;=?@[]", ek);
        Poco::URI::encode(v, "!#$&'()*+,/:;=?@[]", ev);
        out += (out.empty() ? "" : "&") + ek + "=" + ev;
    }
    return out;
}

std::string basicAuth(const std::string& clientId, const std::string& secret) {
    std::string id, pw;
    Poco::URI::encode(clientId, "!#$&'()*+,/:;=?@[]", id);
    Poco::URI::encode(secret, "!#$&'()*+,/:;=?@[]", pw);
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << id << ":" << pw;
    encoder.close();
    return "Basic " + out.str();
}

ApiResponse postForm(ApiClient& client, const std::string& path, const std::string& body,
                     const std::map<std::string, std::string>& headers) {
    return client.request("POST", path, body, "application/x-www-form-urlencoded", headers);
}

std::string clientCredentialsToken(ApiClient& client, const ServiceCredentials& service) {
    auto r = postForm(client, "/oauth2/token", form({{"grant_type", "client_credentials"}}),
                      {{"Authorization", basicAuth(service.clientId, service.clientSecret)}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json()->getValue<std::string>("access_token");
}

ApiResponse introspect(ApiClient& client, const ServiceCredentials& service, const std::string& token) {
    return postForm(client, "/oauth2/introspect", form({{"token", token}}),
                    {{"Authorization", basicAuth(service.clientId, service.clientSecret)}});
}

TestAccount signInStaff(TestServer& server, ApiClient& client, const std::string& email, const std::string& role) {
    TestAccount account = makeAccount(server.services(), activeWithTotp(email));
    if (!role.empty()) {
        auto granted = core::Roles(server.services()).grant(account.id, *core::roleFrom(role), {"system", ""});
        if (!granted) throw std::runtime_error("signInStaff: " + granted.error().message);
    }
    auto signedIn = signInWithTotp(client, server.clock(), account);
    if (signedIn.status != 200) throw std::runtime_error("signInStaff: sign-in failed: " + signedIn.body);
    return account;
}

struct DocumentServer::State {
    std::mutex mutex;
    std::string body;
    std::string contentType;
    int status = 200;
    std::atomic<int> requests{0};
};

namespace {

class DocumentHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit DocumentHandler(std::shared_ptr<DocumentServer::State> state) : state_(std::move(state)) {}
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override;

private:
    std::shared_ptr<DocumentServer::State> state_;
};

class DocumentFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit DocumentFactory(std::shared_ptr<DocumentServer::State> state) : state_(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new DocumentHandler(state_);
    }

private:
    std::shared_ptr<DocumentServer::State> state_;
};

}  // namespace

void DocumentHandler::handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    ++state_->requests;
    std::string body, type;
    int status = 200;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        body = state_->body;
        type = state_->contentType;
        status = state_->status;
    }
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType(type);
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;
}

DocumentServer::DocumentServer(std::string body, std::string contentType) : state_(std::make_shared<State>()) {
    state_->body = std::move(body);
    state_->contentType = std::move(contentType);
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    server_ = std::make_unique<Poco::Net::HTTPServer>(new DocumentFactory(state_), socket, new Poco::Net::HTTPServerParams);
    server_->start();
}

DocumentServer::~DocumentServer() { server_->stopAll(true); }

void DocumentServer::setBody(const std::string& body) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->body = body;
}

void DocumentServer::setStatus(int status) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->status = status;
}

std::string DocumentServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

int DocumentServer::requests() const { return state_->requests.load(); }

}  // namespace tessera::test
