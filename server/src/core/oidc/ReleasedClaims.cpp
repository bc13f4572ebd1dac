#include "core/oidc/ReleasedClaims.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <functional>
#include <map>

#include "core/oidc/IdentityAssurance.h"
#include "core/oidc/VerifiedClaimsRequest.h"

namespace tessera::core::oidc::claims {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The consented claims that `wanted` says yes to, in the consent's order.
std::vector<std::string> consentedAndWanted(const std::vector<std::string>& consented,
                                            const std::function<bool(const std::string&)>& wanted) {
    std::vector<std::string> out;
    for (const auto& c : consented)
        if (wanted(c) && !contains(out, c)) out.push_back(c);
    return out;
}

}  // namespace

const std::vector<std::string>& forScope(const std::string& scope) {
    static const std::map<std::string, std::vector<std::string>> byScope{
        {"profile",
         {"name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture",
          "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"}},
        {"email", {"email", "email_verified"}},
        {"address", {"address"}},
        {"phone", {"phone_number", "phone_number_verified"}},
    };
    static const std::vector<std::string> none;
    auto it = byScope.find(scope);
    return it == byScope.end() ? none : it->second;
}

std::vector<std::string> requestedIn(const std::string& claimsRequest, const std::string& member) {
    std::vector<std::string> out;
    if (claimsRequest.empty()) return out;
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(claimsRequest).extract<Poco::JSON::Object::Ptr>();
        if (!root) return out;
        auto requested = root->getObject(member);
        if (!requested) return out;
        requested->getNames(out);
    } catch (const std::exception&) {
        // The front channel validated the parameter; text that does not parse asks for nothing.
        out.clear();
    }
    return out;
}

std::vector<std::string> forUserInfo(const std::vector<std::string>& consented, const std::vector<std::string>& scopes,
                                     const std::string& claimsRequest) {
    const auto requested = requestedIn(claimsRequest, "userinfo");
    return consentedAndWanted(consented, [&](const std::string& claim) {
        if (contains(requested, claim)) return true;
        return std::any_of(scopes.begin(), scopes.end(),
                           [&](const std::string& scope) { return contains(forScope(scope), claim); });
    });
}

std::vector<std::string> forIdToken(const std::vector<std::string>& consented, const std::string& claimsRequest) {
    const auto requested = requestedIn(claimsRequest, "id_token");
    return consentedAndWanted(consented, [&](const std::string& claim) { return contains(requested, claim); });
}

std::string verifiedDetail(const std::string& claim) { return "verified_" + claim; }

std::vector<std::string> verifiedDetailsAskedIn(const std::string& claimsRequest) {
    const auto asked = verifiedClaimNamesIn(claimsRequest);
    std::vector<std::string> out;
    for (const auto& claim : ida::claimsInVerifiedClaims())
        if (contains(asked, claim)) out.push_back(verifiedDetail(claim));
    return out;
}

}  // namespace tessera::core::oidc::claims
