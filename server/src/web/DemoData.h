#pragma once
// TESSERA_DEMO=1: demo accounts (citizens at several levels of assurance, reviewers, an
// administrator), the demo service and applications waiting for review, so a newcomer can try
// everything at once. Idempotent. Writes DATA_DIR/demo-credentials.json and returns a text to print.
#include <string>

#include "tessera/shared/Result.h"
#include "web/Services.h"

namespace tessera::web {

Result<std::string> seedDemoData(Services& services);

}  // namespace tessera::web
