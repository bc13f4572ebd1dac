#include "web/portal/pages/SignUpForms.h"

#include <algorithm>

#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"

namespace tessera::web::portal::signup {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

FieldSpec textField(std::string name, std::string labelKey, std::string type, std::string autocomplete,
                    std::string hintKey) {
    FieldSpec f;
    f.name = std::move(name);
    f.labelKey = std::move(labelKey);
    f.type = std::move(type);
    f.autocomplete = std::move(autocomplete);
    f.hintKey = std::move(hintKey);
    return f;
}

FieldSpec emailField(std::string labelKey, std::string hintKey) {
    FieldSpec f = textField("email", std::move(labelKey), "email", "email", std::move(hintKey));
    f.spellcheck = false;
    return f;
}

FieldSpec newPasswordField(std::string name, std::string labelKey, std::string hintKey) {
    return textField(std::move(name), std::move(labelKey), "password", "new-password", std::move(hintKey));
}

FieldSpec codeField(std::string labelKey, std::string hintKey) {
    FieldSpec f = textField("code", std::move(labelKey), "text", "one-time-code", std::move(hintKey));
    f.inputmode = "numeric";
    f.widthClass = "govuk-input--width-10";
    f.spellcheck = false;
    return f;
}

FieldSpec choiceField(std::string name, std::string labelKey, std::string type, std::string hintKey) {
    return textField(std::move(name), std::move(labelKey), std::move(type), "", std::move(hintKey));
}

void showRefusal(const Translator& t, FormView& form, const Error& error, const std::string& section,
                 std::initializer_list<const char*> fields, const std::string& fallbackField) {
    auto keyFor = [&](const std::string& field, const std::string& code) -> std::string {
        for (const std::string& key : {section + ".errors." + field + "." + code, "sign_up.errors." + field + "." + code,
                                       "errors." + field + "." + code, "errors." + code})
            if (t.has(key)) return key;
        return "errors.generic";
    };
    if (error.fields.empty()) {
        form.fieldError(fallbackField, keyFor(fallbackField, error.code));
        return;
    }
    for (const auto& fe : error.fields) {
        const bool known = std::any_of(fields.begin(), fields.end(), [&](const char* f) { return fe.field == f; });
        const std::string target = known ? fe.field : fallbackField;
        form.fieldError(target, keyFor(target, fe.code));
    }
}

PageData radioOption(const std::string& field, bool first, const std::string& value, const std::string& label,
                     const std::string& hint, bool checked, const std::string& lang) {
    // Every member is set, even when empty: mustache would otherwise find the field's (or the
    // page's) member of the same name.
    PageData option;
    option.set("optionId", first ? field : field + "-" + value)
        .set("value", value)
        .set("optionLabel", label)
        .set("optionHint", hint)
        .set("checked", checked)
        .set("optionLang", lang);
    return option;
}

namespace {

PageData banner(const Translator& t, const std::string& heading, bool success) {
    PageData b;
    b.set("success", success)
        .set("title", t(success ? "sign_up.banner.success" : "sign_up.banner.important"))
        .set("heading", heading);
    return b;
}

}  // namespace

PageData successBanner(const Translator& t, const std::string& heading) { return banner(t, heading, true); }
PageData importantBanner(const Translator& t, const std::string& heading) { return banner(t, heading, false); }

std::string whereTheyBelong(const std::optional<CurrentSession>& visitor, const std::optional<std::string>& next) {
    if (!visitor) return withNext(paths::kSignIn, next);
    switch (visitor->session.stage) {
        case core::SessionStage::Authenticated: return returnPathOr(next, paths::kAccount);
        case core::SessionStage::PendingEmail: return withNext(paths::kCheckEmail, next);
        case core::SessionStage::PendingSecondFactorSetup: return withNext(paths::kSetUpSecondFactor, next);
        case core::SessionStage::PendingSecondFactor: return withNext(paths::kSignInCode, next);
    }
    return withNext(paths::kSignIn, next);
}

}  // namespace tessera::web::portal::signup
