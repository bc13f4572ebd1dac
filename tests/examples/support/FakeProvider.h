#pragma once
// The provider as the demo service's HTTP client sees it, without a network: discovery, JWKS,
// a token endpoint that checks client_secret_basic and PKCE, and userinfo. A test hands out
// codes (what the consent page would do) and chooses what the ID token says.
#include <map>
#include <optional>
#include <string>

#include "HttpClient.h"
#include "support/TestIssuer.h"

namespace tessera::demo::test {

struct IssuedCode {
    std::string nonce, codeChallenge;
    int loa = 0;
    std::string sid = "session-1";
    std::string sub = "citizen-1";
    std::string nonceOverride;  // set: the ID token carries this nonce instead (a broken provider)
};

class FakeProvider : public HttpClient {
public:
    static constexpr const char* kSecret = "demo-secret";
    std::int64_t now = 1'700'000'000;
    bool down = false;
    int jwksFetches = 0;
    std::map<std::string, IssuedCode> codes;
    std::string lastTokenRequestBody;

    Result<HttpResponse> send(const HttpRequest& request) override;
    const TestIssuer& issuer() const { return issuer_; }

private:
    HttpResponse token(const HttpRequest& request);
    TestIssuer issuer_;
    std::map<std::string, IssuedCode> accessTokens_;
};

}  // namespace tessera::demo::test
