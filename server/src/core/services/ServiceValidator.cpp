#include "core/services/ServiceValidator.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/accounts/FieldErrorList.h"
#include "core/services/ServiceVocabulary.h"
#include "core/services/UrlRules.h"
#include "tessera/shared/Utf8.h"

namespace tessera::core {

namespace {

namespace vocab = vocabulary;

bool hasControlCharacters(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

void checkText(FieldErrorList& errors, const std::string& field, const std::string& value, std::size_t maxBytes,
               bool required) {
    const bool blank = std::all_of(value.begin(), value.end(), [](unsigned char c) { return c == ' ' || c == '\t'; });
    if (required && blank) return errors.add(field, "required", "This field is required.");
    if (value.size() > maxBytes)
        return errors.add(field, "too_long", "Must be at most " + std::to_string(maxBytes) + " bytes long.");
    if (!utf8::isValid(value)) return errors.add(field, "not_utf8", "Must be valid UTF-8 text.");
    if (hasControlCharacters(value)) return errors.add(field, "control_characters", "Must not contain control characters.");
}

void addProblem(FieldErrorList& errors, const std::optional<FieldError>& problem) {
    if (problem) errors.add(problem->field, problem->code, problem->message);
}

void checkOptionalUrl(FieldErrorList& errors, const std::string& field, const std::string& url) {
    if (!url.empty()) addProblem(errors, urls::registrableProblem(url, field));
}

void checkUrlList(FieldErrorList& errors, const std::string& field, const std::vector<std::string>& list) {
    if (list.size() > kMaxServiceUris)
        return errors.add(field, "too_many", "At most " + std::to_string(kMaxServiceUris) + " URLs.");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string itemField = field + "[" + std::to_string(i) + "]";
        addProblem(errors, urls::registrableProblem(list[i], itemField));
        if (!seen.insert(list[i]).second) errors.add(itemField, "duplicate", "This URL is listed twice.");
    }
}

// Each value must be one of `known`, listed once.
void checkChoices(FieldErrorList& errors, const std::string& field, const std::vector<std::string>& values,
                  const std::vector<std::string>& known) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string itemField = field + "[" + std::to_string(i) + "]";
        if (!vocab::isKnown(known, values[i]))
            errors.add(itemField, "unknown_value", "Must be one of " + vocab::listForPeople(known) + ".");
        else if (!seen.insert(values[i]).second)
            errors.add(itemField, "duplicate", "This value is listed twice.");
    }
}

void checkChoice(FieldErrorList& errors, const std::string& field, const std::string& value,
                 const std::vector<std::string>& known) {
    if (!vocab::isKnown(known, value)) errors.add(field, "unknown_value", "Must be " + vocab::listForPeople(known) + ".");
}

bool isLanguageTag(const std::string& tag) {
    // A primary language subtag (BCP 47): two or three lower-case letters.
    return (tag.size() == 2 || tag.size() == 3) &&
           std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void checkConsentText(FieldErrorList& errors, const std::map<std::string, std::string>& texts) {
    if (texts.size() > kMaxConsentLanguages)
        return errors.add("consentText", "too_many", "At most " + std::to_string(kMaxConsentLanguages) + " languages.");
    for (const auto& [language, text] : texts) {
        const std::string field = "consentText." + language;
        if (!isLanguageTag(language)) {
            errors.add(field, "unknown_language", "Use a two- or three-letter language code such as en, fr or gd.");
            continue;
        }
        const bool blank = std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
        if (blank) {
            errors.add(field, "required", "Say why the service asks, or leave this language out.");
        } else if (text.size() > kMaxConsentTextBytes) {
            errors.add(field, "too_long", "Must be at most " + std::to_string(kMaxConsentTextBytes) + " bytes long.");
        } else if (!utf8::isValid(text)) {
            errors.add(field, "not_utf8", "Must be valid UTF-8 text.");
        }
    }
}

void checkClientAuthentication(FieldErrorList& errors, const Service& s) {
    checkChoice(errors, "clientType", s.clientType, vocab::knownClientTypes());
    checkChoice(errors, "tokenEndpointAuthMethod", s.tokenEndpointAuthMethod, vocab::knownAuthMethods());
    if (errors.has("clientType") || errors.has("tokenEndpointAuthMethod")) return;
    if (s.clientType == "public" && s.tokenEndpointAuthMethod != "none")
        errors.add("tokenEndpointAuthMethod", "public_client",
                   "A public client cannot keep a secret or key: its method must be none.");
    if (s.clientType == "confidential" && s.tokenEndpointAuthMethod == "none")
        errors.add("tokenEndpointAuthMethod", "authentication_required",
                   "A confidential client must authenticate: client_secret_basic, client_secret_post or private_key_jwt.");
    if (s.tokenEndpointAuthMethod == "private_key_jwt" && s.jwksUri.empty())
        errors.add("jwksUri", "required", "private_key_jwt needs the URL of the service's public keys (JWKS).");
    checkOptionalUrl(errors, "jwksUri", s.jwksUri);
}

void checkGrants(FieldErrorList& errors, const Service& s) {
    if (s.grantTypes.empty()) errors.add("grantTypes", "required", "Allow at least one grant type.");
    checkChoices(errors, "grantTypes", s.grantTypes, vocab::knownGrantTypes());
    if (s.allowsGrant("client_credentials") && !s.isConfidential())
        errors.add("grantTypes", "confidential_only", "Only a confidential client may use client_credentials.");
    if (s.allowsGrant("refresh_token") && !s.allowsGrant("authorization_code"))
        errors.add("grantTypes", "refresh_needs_code", "refresh_token is only useful with authorization_code.");
    if (s.allowsGrant("authorization_code") && s.redirectUris.empty())
        errors.add("redirectUris", "required", "The authorization_code grant needs at least one redirect URI.");

    checkChoices(errors, "allowedScopes", s.allowedScopes, vocab::knownScopes());
    if (s.allowsGrant("authorization_code") && !s.allowsScope("openid"))
        errors.add("allowedScopes", "openid_required", "Signing citizens in needs the openid scope.");
    if (s.allowsScope("offline_access") && !s.allowsGrant("refresh_token"))
        errors.add("allowedScopes", "offline_needs_refresh", "offline_access needs the refresh_token grant.");
    checkChoices(errors, "allowedClaims", s.allowedClaims, vocab::knownClaims());
}

void checkSubjects(FieldErrorList& errors, const Service& s) {
    checkChoice(errors, "subjectType", s.subjectType, vocab::knownSubjectTypes());
    if (!s.sectorIdentifier.empty()) {
        // https, or http on loopback like the other fetched URLs (jwksUri): the registry fetches
        // it (SectorIdentifierCheck), and a loopback sector file serves local and test set-ups.
        addProblem(errors, urls::registrableProblem(s.sectorIdentifier, "sectorIdentifier"));
        return;
    }
    // Pairwise subjects are computed per sector: without a sector identifier that is the
    // redirect URIs' host, which must then be a single one (OpenID Connect Core §8.1).
    if (s.subjectType != "pairwise") return;
    std::set<std::string> hosts;
    for (const auto& uri : s.redirectUris) hosts.insert(urls::hostOf(uri));
    if (hosts.size() > 1)
        errors.add("sectorIdentifier", "required",
                   "The redirect URIs are on several hosts: give a sector identifier URI (https) for pairwise subjects.");
}

}  // namespace

Status validateService(const Service& s) {
    FieldErrorList errors;
    checkText(errors, "name", s.name, kMaxServiceNameBytes, true);
    checkText(errors, "description", s.description, kMaxServiceDescriptionBytes, false);
    if (!s.logoUrl.empty()) addProblem(errors, urls::httpsProblem(s.logoUrl, "logoUrl"));
    checkUrlList(errors, "redirectUris", s.redirectUris);
    checkUrlList(errors, "postLogoutRedirectUris", s.postLogoutRedirectUris);
    checkOptionalUrl(errors, "backchannelLogoutUri", s.backchannelLogoutUri);
    checkOptionalUrl(errors, "eventPushUrl", s.eventPushUrl);
    checkClientAuthentication(errors, s);
    checkGrants(errors, s);
    if (s.minLoa < 0 || s.minLoa > 3) errors.add("minLoa", "out_of_range", "Must be a level from 0 to 3.");
    checkSubjects(errors, s);
    checkChoice(errors, "idTokenAlg", s.idTokenAlg, vocab::knownSigningAlgs());
    checkConsentText(errors, s.consentText);
    return errors.status();
}

}  // namespace tessera::core
