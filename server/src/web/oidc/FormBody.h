#pragma once
// An application/x-www-form-urlencoded request body, as the OAuth endpoints take them
// (RFC 6749 §3.2: parameters sent without a value count as omitted; none may be repeated).
#include <map>
#include <optional>
#include <string>

#include "tessera/shared/Result.h"
#include "web/Request.h"

namespace tessera::web::oidc {

class FormBody {
public:
    // Invalid "invalid_request" for another content type, bad percent-encoding or a repeated parameter.
    static Result<FormBody> parse(const Request& r);
    static Result<FormBody> parseText(const std::string& text);

    // The value, or nullopt when absent or empty.
    std::optional<std::string> get(const std::string& name) const;

private:
    std::map<std::string, std::string> values_;
};

// Decodes one form-urlencoded component ('+' is a space); nullopt on a bad %XX escape.
std::optional<std::string> formDecode(const std::string& text);

}  // namespace tessera::web::oidc
