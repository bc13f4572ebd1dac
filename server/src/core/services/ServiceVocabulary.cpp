#include "core/services/ServiceVocabulary.h"

#include <algorithm>

namespace tessera::core::vocabulary {

const std::vector<std::string>& knownScopes() {
    static const std::vector<std::string> v{"openid", "profile", "email", "address", "phone", "offline_access",
                                            std::string(kStaffScope)};
    return v;
}

bool isCitizenScope(std::string_view scope) { return isKnown(knownScopes(), scope); }

const std::vector<std::string>& knownClaims() {
    static const std::vector<std::string> v{"name",      "given_name", "family_name",  "email",
                                            "email_verified", "birthdate", "gender", "address",
                                            "phone_number",   "phone_number_verified", "verified_claims"};
    return v;
}

const std::vector<std::string>& knownGrantTypes() {
    static const std::vector<std::string> v{"authorization_code", "refresh_token", "client_credentials"};
    return v;
}

const std::vector<std::string>& knownClientTypes() {
    static const std::vector<std::string> v{"public", "confidential"};
    return v;
}

const std::vector<std::string>& knownAuthMethods() {
    static const std::vector<std::string> v{"client_secret_basic", "client_secret_post", "private_key_jwt", "none"};
    return v;
}

const std::vector<std::string>& knownSigningAlgs() {
    static const std::vector<std::string> v{"ES256", "RS256"};
    return v;
}

const std::vector<std::string>& knownSubjectTypes() {
    static const std::vector<std::string> v{"pairwise", "public"};
    return v;
}

bool isKnown(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string listForPeople(const std::vector<std::string>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += (i + 1 == list.size()) ? " or " : ", ";
        out += list[i];
    }
    return out;
}

}  // namespace tessera::core::vocabulary
