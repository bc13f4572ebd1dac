#pragma once
// Who makes an administrative change, for the audit log.
#include <string>

namespace tessera::core {

struct Actor {
    std::string accountId;      // the administrator's account, or "system"
    std::string clientAddress;  // where the request came from, when there is one
};

}  // namespace tessera::core
