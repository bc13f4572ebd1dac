#pragma once
// The product version both programs report (server /healthz, workstation About box).
#include <string_view>

namespace tessera {

std::string_view productVersion();

}  // namespace tessera
