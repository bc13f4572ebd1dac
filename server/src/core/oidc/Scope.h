#pragma once
// OAuth scope strings (RFC 6749 §3.3): space-delimited tokens of printable ASCII except
// '"' and '\'. Order is kept, duplicates dropped.
#include <string>
#include <string_view>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::core::oidc::scope {

// Invalid "invalid_scope" for characters outside the grammar or empty tokens between spaces.
Result<std::vector<std::string>> parse(std::string_view text);
std::string join(const std::vector<std::string>& scopes);

}  // namespace tessera::core::oidc::scope
