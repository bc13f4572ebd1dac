#include "web/portal/pages/AccountForms.h"

#include <Poco/DateTime.h>
#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>

#include <cctype>
#include <cstdio>

#include "web/portal/DateText.h"

namespace tessera::web::portal::accountpages {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

FieldSpec textField(std::string name, std::string labelKey, std::string type, std::string autocomplete,
                    std::string hintKey, std::string coreField) {
    FieldSpec f;
    f.name = std::move(name);
    f.labelKey = std::move(labelKey);
    f.type = std::move(type);
    f.autocomplete = std::move(autocomplete);
    f.hintKey = std::move(hintKey);
    f.coreField = std::move(coreField);
    if (f.type == "email" || f.type == "password" || f.type == "tel") f.spellcheck = false;
    return f;
}

FieldSpec groupField(std::string name, std::string labelKey, std::string hintKey, std::string coreField) {
    return textField(std::move(name), std::move(labelKey), "group", "", std::move(hintKey), std::move(coreField));
}

void showRefusal(const Translator& t, FormView& form, const Error& error, const std::string& section,
                 const std::string& fallbackField) {
    auto keyFor = [&](const std::string& field, const std::string& code) -> std::string {
        for (const std::string& key : {section + ".errors." + field + "." + code, section + ".errors." + code,
                                       "errors." + field + "." + code, "errors." + code})
            if (t.has(key)) return key;
        return "errors.generic";
    };
    if (error.fields.empty()) {
        form.fieldError(fallbackField, keyFor(fallbackField, error.code));
        return;
    }
    // FormView finds a field by its name or its coreField, else puts the message on the first.
    for (const auto& fe : error.fields) form.fieldError(fe.field, keyFor(fe.field, fe.code));
}

std::string savedPath(const std::string& path, const std::string& what) {
    return path + (path.find('?') == std::string::npos ? "?" : "&") + kSavedParameter + "=" + formEncode(what);
}

PageData successBanner(const Translator& t, const std::string& heading) {
    PageData banner;
    banner.set("success", true).set("title", t("account.banner.success")).set("heading", heading);
    return banner;
}

void showSavedBanner(Page& page, const std::string& section) {
    const auto what = page.request().queryParam(kSavedParameter);
    if (!what || what->empty() || what->size() > 40) return;
    for (char c : *what)
        if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return;
    const std::string key = section + ".saved." + *what;
    if (!page.t().has(key)) return;
    page.data().set("banner", successBanner(page.t(), page.t()(key)));
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

std::int64_t postedVersion(const FormFields& posted) {
    Poco::Int64 version = 0;
    const std::string text = trimmed(posted.value("version"));
    if (text.empty() || text.size() > 19 || !Poco::NumberParser::tryParse64(text, version) || version < 1) return 0;
    return version;
}

std::string whenText(const Translator& t, std::int64_t unixSeconds) {
    const Poco::DateTime at(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)));
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", at.hour(), at.minute());
    return t("account.when", {{"date", dateText(t, unixSeconds)}, {"time", time}});
}

namespace {

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

std::string browserOf(const std::string& ua) {
    if (has(ua, "Edg/") || has(ua, "Edge/")) return "Edge";
    if (has(ua, "OPR/") || has(ua, "Opera")) return "Opera";
    if (has(ua, "Firefox/") || has(ua, "FxiOS/")) return "Firefox";
    if (has(ua, "SamsungBrowser/")) return "Samsung Internet";
    if (has(ua, "Chromium/")) return "Chromium";
    if (has(ua, "Chrome/") || has(ua, "CriOS/")) return "Chrome";
    if (has(ua, "Safari/")) return "Safari";
    return {};
}

std::string systemOf(const std::string& ua) {
    if (has(ua, "iPhone")) return "iPhone";
    if (has(ua, "iPad")) return "iPad";
    if (has(ua, "Android")) return "Android";
    if (has(ua, "Windows")) return "Windows";
    if (has(ua, "CrOS")) return "ChromeOS";
    if (has(ua, "Macintosh") || has(ua, "Mac OS X")) return "macOS";
    if (has(ua, "Linux")) return "Linux";
    return {};
}

}  // namespace

std::string deviceText(const Translator& t, const std::string& userAgent) {
    const std::string browser = browserOf(userAgent), system = systemOf(userAgent);
    if (!browser.empty() && !system.empty())
        return t("security.sessions.browser_on_system", {{"browser", browser}, {"system", system}});
    if (!browser.empty()) return browser;
    if (!system.empty()) return system;
    return t("security.sessions.unknown_device");
}

std::string secondFactorText(const Translator& t, core::SecondFactorMethod method) {
    switch (method) {
        case core::SecondFactorMethod::Totp: return t("security.method.totp");
        case core::SecondFactorMethod::Email: return t("security.method.email");
        default: return t("security.method.none");
    }
}

}  // namespace tessera::web::portal::accountpages
