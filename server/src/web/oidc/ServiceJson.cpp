#include "web/oidc/ServiceJson.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/Timestamp.h>

#include <set>

namespace tessera::web::oidc {

namespace {

constexpr std::size_t kMaxUrlBytes = 2000;
constexpr std::size_t kMaxListItems = 50;

std::string isoTime(std::int64_t unixSeconds) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

Poco::JSON::Array::Ptr array(const std::vector<std::string>& items) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& i : items) a->add(i);
    return a;
}

Poco::Dynamic::Var orNull(const std::string& value) { return value.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(value); }

const std::set<std::string>& writableFields() {
    static const std::set<std::string> f{
        "name",        "description",   "logoUrl",       "redirectUris", "postLogoutRedirectUris",
        "backchannelLogoutUri",         "clientType",    "tokenEndpointAuthMethod",  "jwksUri",
        "grantTypes",  "allowedScopes", "allowedClaims", "minLoa",       "subjectType",
        "sectorIdentifier",             "idTokenAlg",    "consentText",  "eventPushUrl"};
    return f;
}

const std::set<std::string>& readOnlyFields() {
    static const std::set<std::string> f{"id",       "clientId",  "clientSecret", "hasSecret", "secretRotatedAt",
                                         "disabled", "createdAt", "updatedAt",    "version"};
    return f;
}

// A text that must be present when given (null is refused).
std::optional<std::string> requiredText(JsonBody& body, const std::string& name, std::size_t maxBytes) {
    if (!body.has(name)) return std::nullopt;
    if (body.object()->isNull(name)) {
        body.addError(name, "required", "This field cannot be cleared.");
        return std::nullopt;
    }
    return body.optionalString(name, maxBytes);
}

// A text that null clears.
std::optional<std::string> clearableText(JsonBody& body, const std::string& name, std::size_t maxBytes) {
    if (!body.has(name)) return std::nullopt;
    if (body.object()->isNull(name)) return std::string();
    return body.optionalString(name, maxBytes);
}

// A list of texts that null empties.
std::optional<std::vector<std::string>> textList(JsonBody& body, const std::string& name, std::size_t maxItemBytes) {
    if (!body.has(name)) return std::nullopt;
    if (body.object()->isNull(name)) return std::vector<std::string>{};
    Poco::Dynamic::Var v = body.object()->get(name);
    if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
        body.addError(name, "wrong_type", "Must be a list of text values.");
        return std::nullopt;
    }
    auto items = v.extract<Poco::JSON::Array::Ptr>();
    if (items->size() > kMaxListItems) {
        body.addError(name, "too_many", "At most " + std::to_string(kMaxListItems) + " items.");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Poco::Dynamic::Var item = items->get(static_cast<unsigned>(i));
        const std::string field = name + "[" + std::to_string(i) + "]";
        if (!item.isString()) {
            body.addError(field, "wrong_type", "Must be a text value.");
            return std::nullopt;
        }
        std::string text = item.extract<std::string>();
        if (text.size() > maxItemBytes) {
            body.addError(field, "too_long", "Must be at most " + std::to_string(maxItemBytes) + " bytes long.");
            return std::nullopt;
        }
        out.push_back(std::move(text));
    }
    return out;
}

std::optional<int> level(JsonBody& body, const std::string& name) {
    if (!body.has(name)) return std::nullopt;
    Poco::Dynamic::Var v = body.object()->get(name);
    if (!v.isInteger() || v.isBoolean()) {
        body.addError(name, "wrong_type", "Must be a whole number from 0 to 3.");
        return std::nullopt;
    }
    const Poco::Int64 n = v.convert<Poco::Int64>();
    if (n < 0 || n > 3) {
        body.addError(name, "out_of_range", "Must be a level from 0 to 3.");
        return std::nullopt;
    }
    return int(n);
}

std::optional<std::map<std::string, std::string>> consentTexts(JsonBody& body, const std::string& name) {
    if (!body.has(name)) return std::nullopt;
    if (body.object()->isNull(name)) return std::map<std::string, std::string>{};
    Poco::JSON::Object::Ptr o = body.optionalObject(name);
    if (!o) return std::nullopt;
    std::map<std::string, std::string> out;
    for (const auto& [language, text] : *o) {
        if (!text.isString()) {
            body.addError(name + "." + language, "wrong_type", "Must be a text value.");
            return std::nullopt;
        }
        out[language] = text.extract<std::string>();
    }
    return out;
}

}  // namespace

Poco::JSON::Object serviceJson(const core::Service& s) {
    Poco::JSON::Object o;
    o.set("id", s.id);
    o.set("clientId", s.clientId);
    o.set("name", s.name);
    o.set("description", s.description);
    o.set("logoUrl", orNull(s.logoUrl));
    o.set("redirectUris", array(s.redirectUris));
    o.set("postLogoutRedirectUris", array(s.postLogoutRedirectUris));
    o.set("backchannelLogoutUri", orNull(s.backchannelLogoutUri));
    o.set("clientType", s.clientType);
    o.set("tokenEndpointAuthMethod", s.tokenEndpointAuthMethod);
    o.set("hasSecret", !s.secretHash.empty());
    o.set("secretRotatedAt", s.secretRotatedAt > 0 ? Poco::Dynamic::Var(isoTime(s.secretRotatedAt)) : Poco::Dynamic::Var());
    o.set("jwksUri", orNull(s.jwksUri));
    o.set("grantTypes", array(s.grantTypes));
    o.set("allowedScopes", array(s.allowedScopes));
    o.set("allowedClaims", array(s.allowedClaims));
    o.set("minLoa", s.minLoa);
    o.set("subjectType", s.subjectType);
    o.set("sectorIdentifier", orNull(s.sectorIdentifier));
    o.set("idTokenAlg", s.idTokenAlg);
    Poco::JSON::Object consent;
    for (const auto& [language, text] : s.consentText) consent.set(language, text);
    o.set("consentText", consent);
    o.set("eventPushUrl", orNull(s.eventPushUrl));
    o.set("disabled", s.disabled);
    o.set("createdAt", isoTime(s.createdAt));
    o.set("updatedAt", isoTime(s.updatedAt));
    o.set("version", s.version);
    return o;
}

core::ServiceChanges serviceChangesFrom(JsonBody& body) {
    for (const auto& [name, value] : *body.object()) {
        (void)value;
        if (readOnlyFields().count(name))
            body.addError(name, "read_only", "This field is set by the server.");
        else if (!writableFields().count(name))
            body.addError(name, "unknown_field", "This field is not recognised; remove it.");
    }
    core::ServiceChanges c;
    c.name = requiredText(body, "name", 1000);
    c.description = clearableText(body, "description", 10000);
    c.logoUrl = clearableText(body, "logoUrl", kMaxUrlBytes);
    c.redirectUris = textList(body, "redirectUris", kMaxUrlBytes);
    c.postLogoutRedirectUris = textList(body, "postLogoutRedirectUris", kMaxUrlBytes);
    c.backchannelLogoutUri = clearableText(body, "backchannelLogoutUri", kMaxUrlBytes);
    c.clientType = requiredText(body, "clientType", 64);
    c.tokenEndpointAuthMethod = requiredText(body, "tokenEndpointAuthMethod", 64);
    c.jwksUri = clearableText(body, "jwksUri", kMaxUrlBytes);
    c.grantTypes = textList(body, "grantTypes", 64);
    c.allowedScopes = textList(body, "allowedScopes", 64);
    c.allowedClaims = textList(body, "allowedClaims", 64);
    c.minLoa = level(body, "minLoa");
    c.subjectType = requiredText(body, "subjectType", 64);
    c.sectorIdentifier = clearableText(body, "sectorIdentifier", kMaxUrlBytes);
    c.idTokenAlg = requiredText(body, "idTokenAlg", 64);
    c.consentText = consentTexts(body, "consentText");
    c.eventPushUrl = clearableText(body, "eventPushUrl", kMaxUrlBytes);
    return c;
}

}  // namespace tessera::web::oidc
