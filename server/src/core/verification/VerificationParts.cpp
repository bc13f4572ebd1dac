#include "core/verification/VerificationParts.h"

namespace tessera::core {

Result<std::unique_ptr<VerificationParts>> VerificationParts::open(const infra::Settings& settings,
                                                                   const infra::SecretBox& dataKey,
                                                                   infra::Clock& clock) {
    auto policy = AssurancePolicy::fromSettings(settings);
    if (!policy) return policy.error();
    RegisterSources sources{settings.registerVitalRecords, settings.registerAddresses, settings.registerKnownFacts,
                            settings.registerDocuments};
    HttpRegisterOptions http;
    http.connectTimeoutMs = settings.registerConnectTimeoutMs;
    http.readTimeoutMs = settings.registerReadTimeoutMs;
    http.retries = settings.registerRetries;
    http.breakerFailures = settings.registerBreakerFailures;
    http.breakerCoolOffSeconds = int(settings.registerBreakerCoolOffSeconds);
    http.clientCertFile = settings.registerClientCert;
    http.clientKeyFile = settings.registerClientKey;
    http.caFile = settings.registerCaFile;
    auto registers = RegisterSet::open(sources, settings.resourcesDir, http, clock);
    if (!registers) return registers.error();
    auto parts = std::make_unique<VerificationParts>(VerificationParts{
        std::move(*policy), std::move(*registers), std::make_unique<infra::BlobStore>(settings.blobDir(), dataKey)});
    // A crash mid-upload can leave a temporary file; it holds only ciphertext, but is removed.
    parts->blobs->sweepTemporaryFiles();
    return parts;
}

}  // namespace tessera::core
