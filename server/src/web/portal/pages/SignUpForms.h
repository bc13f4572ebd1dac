#pragma once
// What the sign-up and recovery pages share (create account, check your email, two-factor
// set-up, forgotten and reset password, accepting new terms): their fields, how a core
// refusal is worded on them, the radios and checkboxes they draw, and where a visitor who is
// not at a page's step belongs.
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"
#include "web/Authentication.h"
#include "web/portal/FormView.h"
#include "web/portal/Page.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal::signup {

// The posted value of a checkbox that is ticked (partials/checkbox posts value="yes").
inline constexpr const char* kTicked = "yes";

std::string trimmed(const std::string& text);

// A text-like field (partials/input).
FieldSpec textField(std::string name, std::string labelKey, std::string type, std::string autocomplete,
                    std::string hintKey = "");
// The email field: type email, autocomplete email, no spellcheck.
FieldSpec emailField(std::string labelKey, std::string hintKey = "");
// A new password: autocomplete new-password, never shown again.
FieldSpec newPasswordField(std::string name, std::string labelKey, std::string hintKey = "");
// A 6-digit code, named "code": autocomplete one-time-code, numeric keyboard, no spellcheck.
FieldSpec codeField(std::string labelKey, std::string hintKey = "");
// Radios or a checkbox (partials/radios, partials/checkbox): the field's id and error only.
FieldSpec choiceField(std::string name, std::string labelKey, std::string type, std::string hintKey = "");

// A core service's refusal on the form, each field error beside its field (or `fallbackField`
// when the form has no such field), in the words of "<section>.errors.<field>.<code>" if the
// page has its own, else the sign-up pages' "sign_up.errors.<field>.<code>", else the
// portal's "errors.<field>.<code>", "errors.<code>", "errors.generic".
void showRefusal(const Translator& t, FormView& form, const Error& error, const std::string& section,
                 std::initializer_list<const char*> fields, const std::string& fallbackField);

// One radio of partials/radios. The first radio's id is the field's name, so the error
// summary's link (#name) lands on it; the others are "<name>-<value>".
PageData radioOption(const std::string& field, bool first, const std::string& value, const std::string& label,
                     const std::string& hint, bool checked, const std::string& lang = "");

// A notification banner (govuk-notification-banner) above the page's heading.
PageData successBanner(const Translator& t, const std::string& heading);
PageData importantBanner(const Translator& t, const std::string& heading);

// Where someone who is not at a sign-up step belongs, by the stage of their session: the
// account (or `next`) when signed in, the email code, the two-factor set-up or the sign-in
// code when half-way, the sign-in page otherwise.
std::string whereTheyBelong(const std::optional<CurrentSession>& visitor, const std::optional<std::string>& next);

}  // namespace tessera::web::portal::signup
