#include "core/registers/RegisterSet.h"

#include "infra/registers/CsvRegister.h"
#include "infra/registers/HttpRegisterConnector.h"
#include "infra/registers/RegisterKey.h"

namespace tessera::core {
namespace {

using infra::RegisterKind;

Result<std::unique_ptr<infra::RegisterConnector>> openOne(RegisterKind kind, const std::string& source,
                                                          const std::string& resourcesDir,
                                                          const HttpRegisterOptions& http, infra::Clock& clock) {
    const std::string name(infra::toString(kind));
    auto loaded = [](auto result) -> Result<std::unique_ptr<infra::RegisterConnector>> {
        if (!result) return result.error();
        return std::unique_ptr<infra::RegisterConnector>(std::move(result).value());
    };
    if (source.empty())
        return loaded(infra::CsvRegister::load(kind, resourcesDir + "/registers/" + std::string(infra::sampleFileName(kind))));
    if (source.starts_with("csv:")) {
        const std::string path = source.substr(4);
        if (path.empty()) return Error::invalid("register_source_invalid", "The " + name + " register source csv: needs a path.");
        return loaded(infra::CsvRegister::load(kind, path));
    }
    if (source.starts_with("https://") || source.starts_with("http://")) {
        infra::HttpRegisterSettings s;
        s.name = name;
        s.baseUrl = source;
        s.connectTimeoutMs = http.connectTimeoutMs;
        s.readTimeoutMs = http.readTimeoutMs;
        s.retries = http.retries;
        s.breakerFailures = http.breakerFailures;
        s.breakerCoolOffSeconds = http.breakerCoolOffSeconds;
        s.clientCertFile = http.clientCertFile;
        s.clientKeyFile = http.clientKeyFile;
        s.caFile = http.caFile;
        return loaded(infra::HttpRegisterConnector::create(std::move(s), clock));
    }
    return Error::invalid("register_source_invalid",
                          "The " + name + " register source must be csv:PATH, an https:// URL, or empty for the sample.");
}

}  // namespace

Result<std::unique_ptr<RegisterSet>> RegisterSet::open(const RegisterSources& sources, const std::string& resourcesDir,
                                                       const HttpRegisterOptions& http, infra::Clock& clock) {
    auto vital = openOne(RegisterKind::VitalRecords, sources.vitalRecords, resourcesDir, http, clock);
    if (!vital) return vital.error();
    auto addresses = openOne(RegisterKind::Addresses, sources.addresses, resourcesDir, http, clock);
    if (!addresses) return addresses.error();
    auto facts = openOne(RegisterKind::KnownFacts, sources.knownFacts, resourcesDir, http, clock);
    if (!facts) return facts.error();
    auto documents = openOne(RegisterKind::Documents, sources.documents, resourcesDir, http, clock);
    if (!documents) return documents.error();
    auto variants = NameVariants::load(resourcesDir + "/registers/name-variants.csv");
    if (!variants) return variants.error();
    return std::make_unique<RegisterSet>(std::move(vital).value(), std::move(addresses).value(), std::move(facts).value(),
                                         std::move(documents).value(), std::move(variants).value());
}

RegisterSet::RegisterSet(std::unique_ptr<infra::RegisterConnector> vitalRecords,
                         std::unique_ptr<infra::RegisterConnector> addresses,
                         std::unique_ptr<infra::RegisterConnector> knownFacts,
                         std::unique_ptr<infra::RegisterConnector> documents, NameVariants variants)
    : vitalRecords_(std::move(vitalRecords)),
      addresses_(std::move(addresses)),
      knownFacts_(std::move(knownFacts)),
      documents_(std::move(documents)),
      variants_(std::move(variants)) {}

}  // namespace tessera::core
