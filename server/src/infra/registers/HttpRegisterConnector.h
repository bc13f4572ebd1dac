#pragma once
// A government register over HTTP/JSON:
//   GET {baseUrl}/records?key=<url-encoded key>  ->  200 {"records":[{"field":"value",...},...]}
// Each attempt uses a fresh connection with its own connect and read timeouts. Timeouts,
// refused connections and 5xx answers are retried with exponential backoff; a 4xx answer
// or a malformed reply is not (asking again would get the same). A circuit breaker counts
// failed lookups: once open, lookups fail at once until the cool-off has passed.
// https always verifies the register's certificate (against caFile when given, else the
// system's CAs) and its host name; a client certificate and key make it mutual TLS. Plain
// http is accepted for a loopback host only (tests, a local sidecar): personal data does
// not cross a network unencrypted.
#include <Poco/Net/Context.h>

#include <memory>
#include <string>

#include "infra/Clock.h"
#include "infra/registers/CircuitBreaker.h"
#include "infra/registers/RegisterConnector.h"

namespace tessera::infra {

struct HttpRegisterSettings {
    std::string name;     // "vital_records", ...: in errors and logs
    std::string baseUrl;  // https://register.example/api (the path gets "/records")
    int connectTimeoutMs = 2000;
    int readTimeoutMs = 3000;
    int retries = 2;          // attempts after the first one
    int retryBackoffMs = 100; // wait before the first retry, doubled for each next one
    int breakerFailures = 5;
    int breakerCoolOffSeconds = 30;
    std::string clientCertFile, clientKeyFile;  // PEM; both or neither
    std::string caFile;                         // PEM bundle; empty = the system's CAs
    std::size_t maxReplyBytes = 4 * 1024 * 1024;
};

class HttpRegisterConnector final : public RegisterConnector {
public:
    // Checks the URL and, for https, loads the certificates. Invalid "register_source_invalid"
    // for a URL that is not https (or http to a loopback host), "register_tls_invalid" when
    // the certificate, key or CA file cannot be used.
    static Result<std::unique_ptr<HttpRegisterConnector>> create(HttpRegisterSettings settings, Clock& clock);

    Result<std::vector<RegisterRecord>> lookup(std::string_view key) override;
    std::string name() const override { return settings_.name; }

    CircuitBreaker::State breakerState() const { return breaker_.state(); }

private:
    HttpRegisterConnector(HttpRegisterSettings settings, Clock& clock, Poco::Net::Context::Ptr tls);

    HttpRegisterSettings settings_;
    std::string host_;
    unsigned short port_ = 0;
    std::string recordsPath_;  // the base URL's path + "/records"
    Poco::Net::Context::Ptr tls_;  // null for http
    CircuitBreaker breaker_;
};

}  // namespace tessera::infra
