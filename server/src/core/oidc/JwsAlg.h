#pragma once
// The JWS algorithms Tessera signs and accepts. Nothing else is ever accepted: not "none",
// not HMAC (an HS256 token "signed" with a public key is refused before any key is used).
#include <optional>
#include <string>
#include <string_view>

namespace tessera::core::oidc {

enum class JwsAlg { ES256, RS256 };

std::string toString(JwsAlg alg);
std::optional<JwsAlg> jwsAlgFrom(std::string_view name);

}  // namespace tessera::core::oidc
