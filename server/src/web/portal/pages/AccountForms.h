#pragma once
// What the signed-in citizen's own pages share (the dashboard, "Your details" with its change
// pages, "Sign-in and security"): their fields, how a core refusal is worded on them, the
// "saved" banner after post/redirect/get, radios, and how sessions and times read.
#include <cstdint>
#include <optional>
#include <string>

#include "core/accounts/Account.h"
#include "tessera/shared/Result.h"
#include "web/portal/Form.h"
#include "web/portal/FormView.h"
#include "web/portal/Messages.h"
#include "web/portal/Page.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal::accountpages {

// The query parameter a successful change redirects with (/account/profile?saved=address).
inline constexpr const char* kSavedParameter = "saved";

std::string trimmed(const std::string& text);

// A text-like field (partials/input). coreField: the name core errors use ("address.line1").
FieldSpec textField(std::string name, std::string labelKey, std::string type, std::string autocomplete,
                    std::string hintKey = "", std::string coreField = "");
// A group drawn by its own partial (radios, a date input): only its id, label, hint and error.
FieldSpec groupField(std::string name, std::string labelKey, std::string hintKey = "", std::string coreField = "");

// A core service's refusal on the form, each field error beside its field (the first field
// when the form has none by that name), worded by "<section>.errors.<field>.<code>" if the
// page has its own text, else the portal's "errors.<field>.<code>", "errors.<code>",
// "errors.generic". An error without field errors is shown on `fallbackField`.
void showRefusal(const Translator& t, FormView& form, const Error& error, const std::string& section,
                 const std::string& fallbackField);

// `path?saved=<what>`: where a successful change goes; the page shows "<section>.saved.<what>".
std::string savedPath(const std::string& path, const std::string& what);
// Sets "banner" (partials/notification-banner) when the query names a known "saved" message
// of `section` ("profile" -> "profile.saved.<what>"); unknown values show nothing.
void showSavedBanner(Page& page, const std::string& section);

// One radio of partials/radios. The first radio's id is the field's name, so the error
// summary's link (#name) lands on it; the others are "<name>-<value>".
PageData radioOption(const std::string& field, bool first, const std::string& value, const std::string& label,
                     const std::string& hint, bool checked, const std::string& lang = "");

// The optimistic-concurrency version a profile form carries (hidden field "version"); 0 when
// missing or malformed, which no stored account has, so such a post is refused as stale.
std::int64_t postedVersion(const FormFields& posted);

// "27 November 2026 at 14:05 UTC" in the page's language.
std::string whenText(const Translator& t, std::int64_t unixSeconds);
// "Firefox on Windows", "Safari on iPhone"... from a User-Agent; a neutral text when unknown.
std::string deviceText(const Translator& t, const std::string& userAgent);
// How the account's second factor is named: "Authenticator app", "Security codes by email".
std::string secondFactorText(const Translator& t, core::SecondFactorMethod method);

}  // namespace tessera::web::portal::accountpages
