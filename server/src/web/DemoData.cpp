#include "web/DemoData.h"

#include "web/Services.h"

namespace tessera::web {

Result<std::string> seedDemoData(Services& services) {
    return std::string("Demo mode: data folder " + services.settings.dataDir + "\n");
}

}  // namespace tessera::web
