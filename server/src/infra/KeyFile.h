#pragma once
// The data-encryption key (32 bytes) that seals sensitive fields at rest. Taken from the
// environment (TESSERA_DATA_KEY, base64url) when set, so operators can keep it out of the
// data folder; otherwise read from, or created once in, DATA_DIR/keys/data.key (mode 0600).
#include <string>

#include "tessera/shared/Result.h"

namespace tessera::infra {

Result<std::string> loadOrCreateDataKey(const std::string& dataDir);

}  // namespace tessera::infra
