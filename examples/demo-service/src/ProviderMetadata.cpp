#include "ProviderMetadata.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "Jws.h"

namespace tessera::demo {

namespace {

bool isHttpUrl(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

std::vector<std::string> stringList(const Poco::JSON::Object& o, const std::string& name) {
    std::vector<std::string> out;
    if (!o.isArray(name)) return out;
    auto list = o.getArray(name);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto v = list->get(static_cast<unsigned>(i));
        if (v.isString()) out.push_back(v.convert<std::string>());
    }
    return out;
}

}  // namespace

Result<ProviderMetadata> parseProviderMetadata(const std::string& json, const std::string& expectedIssuer) {
    Poco::JSON::Object::Ptr o;
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(json);
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) o = value.extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
    }
    if (!o) return Error::invalid("bad_discovery", "The provider's discovery document is not a JSON object.");
    ProviderMetadata m;
    m.issuer = stringClaim(*o, "issuer").value_or("");
    if (m.issuer != expectedIssuer)
        return Error::invalid("wrong_issuer", "The discovery document names the issuer \"" + m.issuer +
                                                  "\", not \"" + expectedIssuer + "\" as this service expects.");
    m.authorizationEndpoint = stringClaim(*o, "authorization_endpoint").value_or("");
    m.tokenEndpoint = stringClaim(*o, "token_endpoint").value_or("");
    m.jwksUri = stringClaim(*o, "jwks_uri").value_or("");
    m.userinfoEndpoint = stringClaim(*o, "userinfo_endpoint").value_or("");
    m.endSessionEndpoint = stringClaim(*o, "end_session_endpoint").value_or("");
    for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"authorization_endpoint", &m.authorizationEndpoint},
                                      {"token_endpoint", &m.tokenEndpoint},
                                      {"jwks_uri", &m.jwksUri}}) {
        if (!isHttpUrl(*value))
            return Error::invalid("bad_discovery", std::string("The discovery document has no ") + name + ".");
    }
    if (!m.userinfoEndpoint.empty() && !isHttpUrl(m.userinfoEndpoint)) m.userinfoEndpoint.clear();
    if (!m.endSessionEndpoint.empty() && !isHttpUrl(m.endSessionEndpoint)) m.endSessionEndpoint.clear();
    m.acrValuesSupported = stringList(*o, "acr_values_supported");
    m.codeChallengeMethodsSupported = stringList(*o, "code_challenge_methods_supported");
    return m;
}

}  // namespace tessera::demo
