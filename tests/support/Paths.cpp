#include "support/Paths.h"

namespace tessera::test {

std::string sourceDir() { return TESSERA_SOURCE_DIR; }
std::string resourcesDir() { return std::string(TESSERA_SOURCE_DIR) + "/resources"; }

}  // namespace tessera::test
