#pragma once
// TESSERA_DEMO=1: demo accounts (and later services and registers) so a newcomer can try
// everything at once. Writes DATA_DIR/demo-credentials.json and returns a text to print.
#include <string>

#include "tessera/shared/Result.h"
#include "web/Services.h"

namespace tessera::web {


Result<std::string> seedDemoData(Services& services);

}  // namespace tessera::web
