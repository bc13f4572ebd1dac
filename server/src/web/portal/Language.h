#pragma once
// The language of a page: an explicit choice (the language links set a cookie), then the
// signed-in account's preferred language, then the browser's Accept-Language, else English.
// Only the languages the portal has catalogues for: en, fr, gd.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::web::portal {

struct PortalLanguage {
    std::string_view code;     // "gd"
    std::string_view endonym;  // its own name for itself, "Gàidhlig": the same on every page
};

// In the order the language links show them.
const std::vector<PortalLanguage>& portalLanguages();
bool isPortalLanguage(std::string_view code);

// The cookie the language links set.
inline constexpr const char* kLanguageCookie = "lang";
// The query parameter of a language link (?lang=fr).
inline constexpr const char* kLanguageParameter = "lang";

// The supported language the browser prefers most (RFC 9110 q-values; "fr-CA" counts as
// "fr"; q=0 refuses; "*" accepts anything, so English). nullopt when none fits.
std::optional<std::string> fromAcceptLanguage(std::string_view header);

struct LanguageSignals {
    std::optional<std::string> cookie;           // the lang cookie
    std::optional<std::string> accountLanguage;  // the signed-in account's preferred language
    std::optional<std::string> acceptLanguage;   // the Accept-Language header
};
std::string chooseLanguage(const LanguageSignals& signals);

}  // namespace tessera::web::portal
