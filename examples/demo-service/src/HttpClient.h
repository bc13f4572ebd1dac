#pragma once
// The few HTTP calls a relying party makes to its provider (discovery, JWKS, token,
// userinfo), behind an interface so tests can stand in for the provider.
#include <string>
#include <utility>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::demo {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string contentType;  // with a body
    std::string body;
};

struct HttpResponse {
    int status = 0;
    std::string contentType;
    std::string body;
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    // Unavailable "provider_unreachable" when no answer came (refused, timed out, too large).
    virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
};

// Poco's client over http and https (system CAs, certificate checked), a timeout, and a cap
// on the answer's size. Redirects are not followed: none of these endpoints redirects.
class PocoHttpClient : public HttpClient {
public:
    explicit PocoHttpClient(int timeoutSeconds = 10, std::size_t maxBytes = 1024 * 1024)
        : timeoutSeconds_(timeoutSeconds), maxBytes_(maxBytes) {}
    Result<HttpResponse> send(const HttpRequest& request) override;

private:
    int timeoutSeconds_;
    std::size_t maxBytes_;
};

}  // namespace tessera::demo
