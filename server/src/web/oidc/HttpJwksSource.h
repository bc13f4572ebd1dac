#pragma once
// Fetches a service's JWKS over HTTP(S) for private_key_jwt: GET, no redirects, a timeout,
// a size limit, and for https the certificate checked against the system's CAs and the host
// name. Plain http is only for loopback URLs (what the service registry accepts).
#include <cstdint>
#include <mutex>
#include <string>

#include <Poco/Net/Context.h>

#include "core/oidc/ClientJwks.h"

namespace tessera::web::oidc {

class HttpJwksSource final : public core::oidc::JwksSource {
public:
    HttpJwksSource(std::int64_t timeoutSeconds, std::size_t maxBytes) : timeoutSeconds_(timeoutSeconds), maxBytes_(maxBytes) {}
    Result<std::string> fetch(const std::string& uri) override;

private:
    Poco::Net::Context::Ptr tlsContext();
    std::int64_t timeoutSeconds_;
    std::size_t maxBytes_;
    std::mutex mutex_;
    Poco::Net::Context::Ptr tls_;
};

}  // namespace tessera::web::oidc
