#pragma once
// Raw bytes as an answer (media, decrypted for the reviewer), beside web/Respond.h's JSON ones.
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"
#include "web/Request.h"

namespace tessera::web::verification {

// The bytes as they are, with no caching anywhere (personal media).
void sendBytes(Request& r, int status, const std::string& contentType, std::string_view bytes);

}  // namespace tessera::web::verification
