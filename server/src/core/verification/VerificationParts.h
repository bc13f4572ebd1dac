#pragma once
// What identity verification needs beyond the core context, built once per process by the
// composition root: the assurance policy (from configuration), the registers and the encrypted
// blob store for media. Handlers reach it through Context::verification.
#include <memory>

#include "core/assurance/AssurancePolicy.h"
#include "core/registers/RegisterSet.h"
#include "infra/Clock.h"
#include "infra/SecretBox.h"
#include "infra/Settings.h"
#include "infra/blob/BlobStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct VerificationParts {
    AssurancePolicy policy;
    std::unique_ptr<RegisterSet> registers;
    std::unique_ptr<infra::BlobStore> blobs;

    // Errors name the setting or register at fault (a bad rule, an unreadable register file),
    // so the server stops at start-up rather than failing citizens later.
    static Result<std::unique_ptr<VerificationParts>> open(const infra::Settings& settings,
                                                           const infra::SecretBox& dataKey, infra::Clock& clock);
};

}  // namespace tessera::core
