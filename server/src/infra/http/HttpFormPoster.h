#pragma once
// FormPoster over HTTP(S) with Poco: one POST per call, a timeout for connecting and for each
// read and write, no redirects followed (a 3xx is returned as the status), at most a little
// of the answer read. https URLs have their certificate checked against the system's CAs and
// the host name; plain http only to a loopback host (127.0.0.1, [::1], localhost), as the
// service registry allows for native and test services.
#include <cstdint>
#include <mutex>

#include <Poco/Net/Context.h>

#include "infra/http/FormPoster.h"

namespace tessera::infra {

class HttpFormPoster final : public FormPoster {
public:
    explicit HttpFormPoster(std::int64_t timeoutSeconds = 5) : timeoutSeconds_(timeoutSeconds) {}
    Result<int> post(const std::string& url, const FormFieldList& fields) override;

private:
    Poco::Net::Context::Ptr tlsContext();
    std::int64_t timeoutSeconds_;
    std::mutex mutex_;
    Poco::Net::Context::Ptr tls_;
};

}  // namespace tessera::infra
