#pragma once
// Fetches a service's sector identifier file (OpenID Connect Core §8.1) over HTTP(S) when an
// administrator registers or changes it: GET, no redirects followed (a 3xx is a failure), a
// timeout, a size limit, and for https the certificate checked against the system's CAs and
// the host name. Plain http only for loopback URLs (UrlRules).
#include <cstdint>
#include <mutex>
#include <string>

#include <Poco/Net/Context.h>

#include "core/services/SectorIdentifierCheck.h"

namespace tessera::web::oidc {

class HttpSectorIdentifierSource final : public core::SectorIdentifierSource {
public:
    static constexpr std::int64_t kTimeoutSeconds = 5;
    static constexpr std::size_t kMaxBytes = 64 * 1024;

    HttpSectorIdentifierSource(std::int64_t timeoutSeconds = kTimeoutSeconds, std::size_t maxBytes = kMaxBytes)
        : timeoutSeconds_(timeoutSeconds), maxBytes_(maxBytes) {}
    Result<std::string> fetch(const std::string& uri) override;

private:
    Poco::Net::Context::Ptr tlsContext();
    std::int64_t timeoutSeconds_;
    std::size_t maxBytes_;
    std::mutex mutex_;
    Poco::Net::Context::Ptr tls_;
};

}  // namespace tessera::web::oidc
