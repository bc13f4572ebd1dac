#include "core/oidc/JwsAlg.h"

namespace tessera::core::oidc {

std::string toString(JwsAlg alg) { return alg == JwsAlg::ES256 ? "ES256" : "RS256"; }

std::optional<JwsAlg> jwsAlgFrom(std::string_view name) {
    if (name == "ES256") return JwsAlg::ES256;
    if (name == "RS256") return JwsAlg::RS256;
    return std::nullopt;
}

}  // namespace tessera::core::oidc
