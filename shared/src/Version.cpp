#include "tessera/shared/Version.h"

namespace tessera {

std::string_view productVersion() { return "0.1.0"; }

}  // namespace tessera
