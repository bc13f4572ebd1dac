#pragma once
// `tessera-server --rotate-signing-key ALG` and `--list-signing-keys`: operator commands that
// work on the configured database beside running servers (no HTTP listener). A rotated key
// signs from now on; running servers pick it up within oidc key-cache time (a minute), and
// the replaced key stays in the JWKS until every token it signed has expired.
#include <ostream>
#include <string>

#include "infra/Settings.h"

namespace tessera::web {

// Exit code: 0 done, 64 bad algorithm name, 70 the database or keys could not be used.
int rotateSigningKey(const infra::Settings& settings, const std::string& alg, std::ostream& out, std::ostream& err);
int listSigningKeys(const infra::Settings& settings, std::ostream& out, std::ostream& err);

}  // namespace tessera::web
