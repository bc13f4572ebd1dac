#include "core/services/Service.h"

#include <algorithm>

namespace tessera::core {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool Service::allowsGrant(const std::string& grantType) const { return contains(grantTypes, grantType); }

bool Service::allowsScope(const std::string& scope) const { return contains(allowedScopes, scope); }

std::string ServiceChanges::fieldNames() const {
    std::string out;
    auto add = [&](bool set, const char* name) {
        if (!set) return;
        if (!out.empty()) out += ',';
        out += name;
    };
    add(name.has_value(), "name");
    add(description.has_value(), "description");
    add(logoUrl.has_value(), "logoUrl");
    add(redirectUris.has_value(), "redirectUris");
    add(postLogoutRedirectUris.has_value(), "postLogoutRedirectUris");
    add(backchannelLogoutUri.has_value(), "backchannelLogoutUri");
    add(clientType.has_value(), "clientType");
    add(tokenEndpointAuthMethod.has_value(), "tokenEndpointAuthMethod");
    add(jwksUri.has_value(), "jwksUri");
    add(grantTypes.has_value(), "grantTypes");
    add(allowedScopes.has_value(), "allowedScopes");
    add(allowedClaims.has_value(), "allowedClaims");
    add(minLoa.has_value(), "minLoa");
    add(subjectType.has_value(), "subjectType");
    add(sectorIdentifier.has_value(), "sectorIdentifier");
    add(idTokenAlg.has_value(), "idTokenAlg");
    add(consentText.has_value(), "consentText");
    add(eventPushUrl.has_value(), "eventPushUrl");
    return out;
}

void applyChanges(Service& s, const ServiceChanges& c) {
    auto set = [](auto& target, const auto& change) {
        if (change) target = *change;
    };
    set(s.name, c.name);
    set(s.description, c.description);
    set(s.logoUrl, c.logoUrl);
    set(s.redirectUris, c.redirectUris);
    set(s.postLogoutRedirectUris, c.postLogoutRedirectUris);
    set(s.backchannelLogoutUri, c.backchannelLogoutUri);
    if (c.clientType && *c.clientType != s.clientType && !c.tokenEndpointAuthMethod)
        s.tokenEndpointAuthMethod = *c.clientType == "public" ? "none" : "client_secret_basic";
    set(s.clientType, c.clientType);
    set(s.tokenEndpointAuthMethod, c.tokenEndpointAuthMethod);
    set(s.jwksUri, c.jwksUri);
    set(s.grantTypes, c.grantTypes);
    set(s.allowedScopes, c.allowedScopes);
    set(s.allowedClaims, c.allowedClaims);
    set(s.minLoa, c.minLoa);
    set(s.subjectType, c.subjectType);
    set(s.sectorIdentifier, c.sectorIdentifier);
    set(s.idTokenAlg, c.idTokenAlg);
    set(s.consentText, c.consentText);
    set(s.eventPushUrl, c.eventPushUrl);
}

}  // namespace tessera::core
