#include "core/oidc/ClaimsParameter.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "core/oidc/VerifiedClaimsRequest.h"

namespace tessera::core::oidc {

namespace {

Error bad(const std::string& message) { return Error::invalid("invalid_request", message); }

void addOnce(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// One claim request: null, or an object whose essential is a boolean, value a string and
// values an array of strings when present (Core §5.5.1). verified_claims (OpenID Connect for
// Identity Assurance) has a richer shape of its own (VerifiedClaimsRequest.h).
Status readClaim(const std::string& name, const Poco::Dynamic::Var& request, ClaimsParameter& out) {
    if (name == "verified_claims") return checkVerifiedClaimsRequest(request);
    if (request.isEmpty()) return {};
    if (request.type() != typeid(Poco::JSON::Object::Ptr))
        return bad("In the claims parameter, each claim request must be null or an object.");
    const auto object = request.extract<Poco::JSON::Object::Ptr>();
    bool essential = false;
    if (object->has("essential")) {
        const auto e = object->get("essential");
        if (!e.isBoolean()) return bad("In the claims parameter, essential must be true or false.");
        essential = e.convert<bool>();
    }
    std::vector<std::string> values;
    if (object->has("value")) {
        const auto v = object->get("value");
        if (name == "acr" && !v.isString()) return bad("In the claims parameter, acr.value must be a string.");
        if (v.isString()) values.push_back(v.convert<std::string>());
    }
    if (object->has("values")) {
        const auto list = object->getArray("values");
        if (!list) return bad("In the claims parameter, values must be an array.");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto v = list->get(static_cast<unsigned>(i));
            if (name == "acr" && !v.isString()) return bad("In the claims parameter, acr.values must be strings.");
            if (v.isString()) values.push_back(v.convert<std::string>());
        }
    }
    if (name == "acr" && essential)
        for (const auto& v : values) addOnce(out.essentialAcrValues, v);
    return {};
}

}  // namespace

Result<ClaimsParameter> parseClaimsParameter(std::string_view json) {
    if (json.size() > kMaxClaimsParameterBytes)
        return bad("The claims parameter is longer than " + std::to_string(kMaxClaimsParameterBytes) + " bytes.");
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        const auto parsed = parser.parse(std::string(json));
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) return bad("The claims parameter must be a JSON object.");
        root = parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        return bad("The claims parameter is not valid JSON.");
    }
    ClaimsParameter out;
    for (const char* member : {"userinfo", "id_token"}) {
        if (!root->has(member)) continue;
        const auto value = root->get(member);
        if (value.type() != typeid(Poco::JSON::Object::Ptr))
            return bad(std::string("The claims parameter's ") + member + " must be an object.");
        const auto requests = value.extract<Poco::JSON::Object::Ptr>();
        std::vector<std::string> names;
        requests->getNames(names);
        for (const auto& name : names) {
            if (name.empty() || name.size() > 128) return bad("The claims parameter names a claim with no or too long a name.");
            if (auto read = readClaim(name, requests->get(name), out); !read) return read.error();
            addOnce(out.names, name);
        }
    }
    return out;
}

}  // namespace tessera::core::oidc
