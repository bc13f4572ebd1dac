#pragma once
// A source of truth the verification journey matches a citizen's claims against: a
// register loaded from CSV (built in) or a government register reached over HTTP/JSON.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::infra {

// One row of a register: field name -> value as the register holds it.
using RegisterRecord = std::map<std::string, std::string>;

// A source of truth: CSV built in, or a government register over HTTP/JSON.
class RegisterConnector {
public:
    virtual ~RegisterConnector() = default;
    // The records whose key equals `key` (the caller builds keys with registerKey()).
    // Unavailable ("register_unavailable", message naming the register but no personal data)
    // when the register cannot answer: timeout, refused, circuit open, bad reply.
    virtual Result<std::vector<RegisterRecord>> lookup(std::string_view key) = 0;
    virtual std::string name() const = 0;  // "vital_records", ... for logs and errors
};

}  // namespace tessera::infra
