#include "web/oidc/ClientCredentialsReader.h"

#include <Poco/Base64Decoder.h>

#include <cctype>
#include <sstream>

namespace tessera::web::oidc {

namespace {

using core::oidc::ClientAuthMethod;
using core::oidc::ClientCredentials;

Error invalidRequest(const std::string& message) { return Error::invalid("invalid_request", message); }
Error badBasic() {
    return Error::unauthorized("invalid_client", "The Authorization header is not valid Basic client credentials.");
}

bool startsWithIgnoreCase(const std::string& s, const std::string& prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

Result<ClientCredentials> fromBasicHeader(const std::string& header) {
    std::string encoded = header.substr(6);
    while (!encoded.empty() && encoded.front() == ' ') encoded.erase(0, 1);
    if (encoded.empty() || encoded.size() > 2048) return badBasic();
    std::string decoded;
    try {
        std::istringstream in(encoded);
        Poco::Base64Decoder decoder(in);
        std::ostringstream out;
        out << decoder.rdbuf();
        decoded = out.str();
    } catch (const std::exception&) {
        return badBasic();
    }
    const auto colon = decoded.find(':');
    if (colon == std::string::npos) return badBasic();
    auto id = formDecode(decoded.substr(0, colon));
    auto secret = formDecode(decoded.substr(colon + 1));
    if (!id || !secret || id->empty()) return badBasic();
    return ClientCredentials{ClientAuthMethod::SecretBasic, *id, *secret, {}};
}

}  // namespace

Result<ClientCredentials> readClientCredentials(const Request& r, const FormBody& form) {
    const auto authorization = r.header("Authorization");
    const bool basic = authorization && startsWithIgnoreCase(*authorization, "Basic ");
    const auto clientId = form.get("client_id");
    const auto secret = form.get("client_secret");
    const auto assertionType = form.get("client_assertion_type");
    const auto assertion = form.get("client_assertion");

    const int methods = int(basic) + int(secret.has_value()) + int(assertionType || assertion);
    if (methods > 1) return invalidRequest("Use exactly one way of client authentication.");

    if (basic) {
        auto credentials = fromBasicHeader(*authorization);
        if (credentials && clientId && *clientId != credentials->clientId)
            return invalidRequest("client_id in the body differs from the one in the Authorization header.");
        return credentials;
    }
    if (secret) {
        if (!clientId) return invalidRequest("client_secret needs client_id.");
        return ClientCredentials{ClientAuthMethod::SecretPost, *clientId, *secret, {}};
    }
    if (assertionType || assertion) {
        if (!assertion || !assertionType) return invalidRequest("Send both client_assertion_type and client_assertion.");
        if (*assertionType != kJwtBearerAssertionType)
            return invalidRequest(std::string("client_assertion_type must be ") + kJwtBearerAssertionType + ".");
        return ClientCredentials{ClientAuthMethod::PrivateKeyJwt, clientId.value_or(""), {}, *assertion};
    }
    if (!clientId) return Error::unauthorized("invalid_client", "The request does not say which client sends it.");
    return ClientCredentials{ClientAuthMethod::None, *clientId, {}, {}};
}

}  // namespace tessera::web::oidc
