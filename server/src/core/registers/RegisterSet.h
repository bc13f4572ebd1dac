#pragma once
// The four registers the verification journey matches against, opened from configuration:
// each source is "csv:PATH" (a file loaded into memory), "https://..." (a government
// register, HttpRegisterConnector.h; "http://" to a loopback host only), or empty for the
// sample file under <resources>/registers. The name variants come from
// <resources>/registers/name-variants.csv.
#include <memory>
#include <string>

#include "core/registers/NameVariants.h"
#include "infra/Clock.h"
#include "infra/registers/RegisterConnector.h"

namespace tessera::core {

struct RegisterSources {
    std::string vitalRecords, addresses, knownFacts, documents;
};

struct HttpRegisterOptions {
    int connectTimeoutMs = 2000, readTimeoutMs = 3000, retries = 2, breakerFailures = 5, breakerCoolOffSeconds = 30;
    std::string clientCertFile, clientKeyFile, caFile;
};

class RegisterSet {
public:
    // Errors (Invalid): "register_source_invalid" for a source that is none of the forms
    // above, and those of CsvRegister::load, HttpRegisterConnector::create and
    // NameVariants::load; each names the register.
    static Result<std::unique_ptr<RegisterSet>> open(const RegisterSources& sources, const std::string& resourcesDir,
                                                     const HttpRegisterOptions& http, infra::Clock& clock);

    RegisterSet(std::unique_ptr<infra::RegisterConnector> vitalRecords, std::unique_ptr<infra::RegisterConnector> addresses,
                std::unique_ptr<infra::RegisterConnector> knownFacts, std::unique_ptr<infra::RegisterConnector> documents,
                NameVariants variants);

    infra::RegisterConnector& vitalRecords() { return *vitalRecords_; }
    infra::RegisterConnector& addresses() { return *addresses_; }
    infra::RegisterConnector& knownFacts() { return *knownFacts_; }
    infra::RegisterConnector& documents() { return *documents_; }
    const NameVariants& nameVariants() const { return variants_; }

private:
    std::unique_ptr<infra::RegisterConnector> vitalRecords_, addresses_, knownFacts_, documents_;
    NameVariants variants_;
};

}  // namespace tessera::core
