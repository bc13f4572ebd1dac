// "Your details" (/account/profile): the citizen's profile as a summary list, each row with a
// "Change" link to a page asking one question (name, date of birth, sex, address, phone,
// preferred language, email). Each change posts the profile's version, so a change made in
// another tab meanwhile is never silently overwritten: the page says so and shows what is
// saved now. A saved change goes back to the summary with a "saved" banner (post/redirect/get).
// A new email address is only used once the code sent to it is entered.
#include <functional>
#include <stdexcept>

#include "core/accounts/EmailChangeService.h"
#include "core/accounts/ProfileService.h"
#include "web/portal/DateText.h"
#include "web/portal/Language.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

using namespace accountpages;

const std::string kSection = "profile";
const std::string kName = "name", kPreferredName = "preferredName", kDateOfBirth = "dateOfBirth", kSex = "sex",
                  kLine1 = "line1", kLine2 = "line2", kTown = "town", kPostcode = "postcode", kPhone = "phone",
                  kLanguage = "language", kEmail = "email", kCode = "code";
const char* const kDateParts[] = {"day", "month", "year"};

core::Account signedInAccount(Page& page, const CurrentSession& session) {
    auto account = core::ProfileService(page.services()).view(session.session.accountId);
    if (!account) throw std::runtime_error("the signed-in account cannot be read: " + account.error().message);
    return std::move(*account);
}

// --- how each detail reads ---

std::vector<std::string> addressLines(const core::Address& a) {
    std::vector<std::string> lines;
    for (const std::string* line : {&a.line1, &a.line2, &a.town, &a.postcode})
        if (!line->empty()) lines.push_back(*line);
    return lines;
}

std::string sexText(const Translator& t, const std::string& sex) {
    if (sex.empty()) return {};
    const std::string key = "profile.sex_options." + sex;
    return t.has(key) ? t(key) : sex;
}

std::string languageName(const std::string& code) {
    for (const auto& language : portalLanguages())
        if (language.code == code) return std::string(language.endonym);
    return code;
}

std::vector<std::string> oneLine(const std::string& text) {
    return text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text};
}

PageData linesData(const std::vector<std::string>& lines) {
    PageData list = PageData::list();
    for (const auto& line : lines) list.push(PageData::text(line));
    return list;
}

// --- the pages that change one thing ---

// One change page: its path, message section ("profile.name": .title, .heading, .hint), the
// "saved" message it returns with, its template, its fields and how it reads and writes them.
struct ChangePage {
    const char* path;
    std::string key;
    std::string saved;
    std::string templateName;
    std::function<std::vector<FieldSpec>()> fields;
    // The form's values from the stored account, when the page opens.
    std::function<void(FormView&, const core::Account&)> fill;
    // The change the posted form asks for; problems the core cannot see (a required choice,
    // a date in three parts) are added to the form instead.
    std::function<core::ProfileChanges(const FormFields&, FormView&)> parse;
    // What is saved now, for the message when another tab changed the profile meanwhile.
    std::function<std::vector<std::string>(const Translator&, const core::Account&)> describe;
    // Radio pages: the options, the one matching `chosen` checked.
    std::function<PageData(const Translator&, const std::string& chosen)> options;
    // Radio and date pages: the posted value(s) shown again, or the stored one(s).
    std::function<std::string(const core::Account&)> chosen;
};

// The three parts of a date of birth, as typed or as stored.
struct DateParts {
    std::string day, month, year;
};

DateParts storedDate(const std::string& iso) {
    if (iso.size() != 10) return {};
    auto noLeadingZero = [](std::string s) {
        while (s.size() > 1 && s.front() == '0') s.erase(0, 1);
        return s;
    };
    return {noLeadingZero(iso.substr(8, 2)), noLeadingZero(iso.substr(5, 2)), iso.substr(0, 4)};
}

PageData datePartsData(const Translator& t, const DateParts& parts) {
    PageData list = PageData::list();
    const std::string* values[] = {&parts.day, &parts.month, &parts.year};
    for (int i = 0; i < 3; ++i) {
        const std::string part = kDateParts[i];
        PageData item;
        item.set("partId", i == 0 ? kDateOfBirth : kDateOfBirth + "-" + part)
            .set("partName", kDateOfBirth + "-" + part)
            .set("partLabel", t("profile.date_of_birth." + part))
            .set("partValue", *values[i])
            .set("partWidth", i == 2 ? "govuk-input--width-4" : "govuk-input--width-2")
            .set("partAutocomplete", "bday-" + part);
        list.push(item);
    }
    return list;
}

bool allDigits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// "YYYY-MM-DD" from the three parts, or an error on the form.
std::optional<std::string> isoDate(const DateParts& p, FormView& form) {
    if (p.day.empty() && p.month.empty() && p.year.empty()) {
        form.fieldError(kDateOfBirth, "profile.errors.dateOfBirth.required");
        return std::nullopt;
    }
    if (!allDigits(p.day) || !allDigits(p.month) || !allDigits(p.year) || p.day.size() > 2 || p.month.size() > 2 ||
        p.year.size() != 4) {
        form.fieldError(kDateOfBirth, "profile.errors.dateOfBirth.invalid_date");
        return std::nullopt;
    }
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    return p.year + "-" + two(p.month) + "-" + two(p.day);
}

DateParts postedDate(const FormFields& posted) {
    return {trimmed(posted.value(kDateOfBirth + "-day")), trimmed(posted.value(kDateOfBirth + "-month")),
            trimmed(posted.value(kDateOfBirth + "-year"))};
}

const std::vector<ChangePage>& changePages() {
    static const std::vector<ChangePage> pages = [] {
        std::vector<ChangePage> v;

        ChangePage name;
        name.path = paths::kProfileName;
        name.key = "profile.name";
        name.saved = "name";
        name.templateName = "profile-change";
        name.fields = [] {
            return std::vector<FieldSpec>{
                textField(kName, "profile.name.name", "text", "name", "profile.name.name_hint"),
                textField(kPreferredName, "profile.name.preferred_name", "text", "nickname",
                          "profile.name.preferred_name_hint")};
        };
        name.fill = [](FormView& form, const core::Account& a) {
            form.value(kName, a.name).value(kPreferredName, a.preferredName);
        };
        name.parse = [](const FormFields& posted, FormView&) {
            core::ProfileChanges c;
            c.name = posted.value(kName);
            c.preferredName = trimmed(posted.value(kPreferredName));
            return c;
        };
        name.describe = [](const Translator&, const core::Account& a) {
            std::vector<std::string> lines{a.name};
            if (!a.preferredName.empty()) lines.push_back(a.preferredName);
            return lines;
        };
        v.push_back(name);

        ChangePage dob;
        dob.path = paths::kProfileDateOfBirth;
        dob.key = "profile.date_of_birth";
        dob.saved = "date_of_birth";
        dob.templateName = "profile-date-of-birth";
        dob.fields = [] {
            return std::vector<FieldSpec>{groupField(kDateOfBirth, "profile.date_of_birth.heading", "profile.date_of_birth.hint")};
        };
        dob.fill = [](FormView&, const core::Account&) {};
        dob.parse = [](const FormFields& posted, FormView& form) {
            core::ProfileChanges c;
            if (auto iso = isoDate(postedDate(posted), form)) c.dateOfBirth = *iso;
            return c;
        };
        dob.describe = [](const Translator& t, const core::Account& a) {
            return oneLine(a.dateOfBirth.empty() ? std::string() : dateText(t, a.dateOfBirth));
        };
        v.push_back(dob);

        ChangePage sex;
        sex.path = paths::kProfileSex;
        sex.key = "profile.sex";
        sex.saved = "sex";
        sex.templateName = "profile-choice";
        sex.fields = [] { return std::vector<FieldSpec>{groupField(kSex, "profile.sex.heading", "profile.sex.hint")}; };
        sex.fill = [](FormView&, const core::Account&) {};
        sex.parse = [](const FormFields& posted, FormView& form) {
            core::ProfileChanges c;
            const std::string chosen = posted.value(kSex);
            if (chosen.empty()) form.fieldError(kSex, "profile.errors.sex.required");
            else c.sex = chosen;
            return c;
        };
        sex.describe = [](const Translator& t, const core::Account& a) { return oneLine(sexText(t, a.sex)); };
        sex.options = [](const Translator& t, const std::string& chosen) {
            PageData options = PageData::list();
            bool first = true;
            for (const char* value : {"female", "male", "unspecified"}) {
                options.push(radioOption(kSex, first, value, t(std::string("profile.sex_options.") + value),
                                         value == std::string("unspecified") ? t("profile.sex.unspecified_hint") : "",
                                         chosen == value));
                first = false;
            }
            return options;
        };
        sex.chosen = [](const core::Account& a) { return a.sex; };
        v.push_back(sex);

        ChangePage address;
        address.path = paths::kProfileAddress;
        address.key = "profile.address";
        address.saved = "address";
        address.templateName = "profile-change";
        address.fields = [] {
            FieldSpec postcode = textField(kPostcode, "profile.address.postcode", "text", "postal-code", "", "address.postcode");
            postcode.widthClass = "govuk-input--width-10";
            postcode.spellcheck = false;
            FieldSpec town = textField(kTown, "profile.address.town", "text", "address-level2", "", "address.town");
            town.widthClass = "govuk-!-width-two-thirds";
            return std::vector<FieldSpec>{
                textField(kLine1, "profile.address.line1", "text", "address-line1", "", "address.line1"),
                textField(kLine2, "profile.address.line2", "text", "address-line2", "", "address.line2"), town,
                postcode};
        };
        address.fill = [](FormView& form, const core::Account& a) {
            form.value(kLine1, a.address.line1)
                .value(kLine2, a.address.line2)
                .value(kTown, a.address.town)
                .value(kPostcode, a.address.postcode);
        };
        address.parse = [](const FormFields& posted, FormView& form) {
            core::ProfileChanges c;
            core::Address a{posted.value(kLine1), posted.value(kLine2), posted.value(kTown), posted.value(kPostcode)};
            if (trimmed(a.line1).empty() && trimmed(a.line2).empty() && trimmed(a.town).empty() &&
                trimmed(a.postcode).empty()) {
                // An empty address would clear it; this page changes it, so every line is asked for.
                form.fieldError(kLine1, "profile.errors.address.line1.required")
                    .fieldError(kTown, "profile.errors.address.town.required")
                    .fieldError(kPostcode, "profile.errors.address.postcode.required");
                return c;
            }
            c.address = a;
            return c;
        };
        address.describe = [](const Translator&, const core::Account& a) { return addressLines(a.address); };
        v.push_back(address);

        ChangePage phone;
        phone.path = paths::kProfilePhone;
        phone.key = "profile.phone";
        phone.saved = "phone";
        phone.templateName = "profile-change";
        phone.fields = [] {
            FieldSpec f = textField(kPhone, "profile.phone.label", "tel", "tel", "profile.phone.hint");
            f.widthClass = "govuk-input--width-20";
            return std::vector<FieldSpec>{f};
        };
        phone.fill = [](FormView& form, const core::Account& a) { form.value(kPhone, a.phone); };
        phone.parse = [](const FormFields& posted, FormView&) {
            core::ProfileChanges c;
            c.phone = trimmed(posted.value(kPhone));
            return c;
        };
        phone.describe = [](const Translator&, const core::Account& a) { return oneLine(a.phone); };
        v.push_back(phone);

        ChangePage language;
        language.path = paths::kProfileLanguage;
        language.key = "profile.language";
        language.saved = "language";
        language.templateName = "profile-choice";
        language.fields = [] {
            return std::vector<FieldSpec>{groupField(kLanguage, "profile.language.heading", "profile.language.hint")};
        };
        language.fill = [](FormView&, const core::Account&) {};
        language.parse = [](const FormFields& posted, FormView& form) {
            core::ProfileChanges c;
            const std::string chosen = posted.value(kLanguage);
            if (chosen.empty()) form.fieldError(kLanguage, "profile.errors.language.required");
            else c.language = chosen;
            return c;
        };
        language.describe = [](const Translator&, const core::Account& a) { return oneLine(languageName(a.language)); };
        language.options = [](const Translator&, const std::string& chosen) {
            PageData options = PageData::list();
            bool first = true;
            for (const auto& l : portalLanguages()) {
                const std::string code(l.code);
                options.push(radioOption(kLanguage, first, code, std::string(l.endonym), "", chosen == code, code));
                first = false;
            }
            return options;
        };
        language.chosen = [](const core::Account& a) { return a.language; };
        v.push_back(language);
        return v;
    }();
    return pages;
}

void renderChange(Page& page, const ChangePage& def, const FormView& form, std::int64_t version,
                  const std::string& chosen, const DateParts& date, const std::vector<std::string>& savedNow,
                  int status) {
    const Translator& t = page.t();
    page.data()
        .set("action", def.path)
        .set("back", paths::kProfile)
        .set("version", std::to_string(version))
        .set("heading", t(def.key + ".heading"))
        .set("pageHint", t.has(def.key + ".intro") ? t(def.key + ".intro") : "")
        .set("submitText", t("account.save"))
        .set("isPageHeading", true)
        .set("hasSavedNow", !savedNow.empty())
        .set("savedNow", linesData(savedNow));
    if (def.options) page.data().set("options", def.options(t, chosen));
    if (def.templateName == "profile-date-of-birth") page.data().set("dateParts", datePartsData(t, date));
    page.render(def.templateName, def.key + ".title", form, status);
}

void showChange(Page& page, const ChangePage& def) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const core::Account account = signedInAccount(page, *session);
    FormView form = page.formView(def.fields());
    def.fill(form, account);
    renderChange(page, def, form, account.version, def.chosen ? def.chosen(account) : "", storedDate(account.dateOfBirth),
                 {}, 200);
}

void submitChange(Page& page, const ChangePage& def) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(def.fields());
    form.keep(posted);
    const std::string chosen = def.fields().front().name;
    auto again = [&](std::int64_t version, const std::vector<std::string>& savedNow, int status) {
        renderChange(page, def, form, version, posted.value(chosen), postedDate(posted), savedNow, status);
    };
    if (!page.csrfValid(posted)) {
        form.expired();
        return again(postedVersion(posted), {}, 400);
    }

    core::ProfileChanges changes = def.parse(posted, form);
    if (form.hasErrors()) return again(postedVersion(posted), {}, 400);
    changes.expectedVersion = postedVersion(posted);

    auto updated =
        core::ProfileService(page.services()).update(session->session.accountId, changes, page.request().clientAddress);
    if (!updated) {
        if (updated.error().kind == ErrorKind::Conflict && updated.error().code == "version_mismatch") {
            // Another tab or window saved first: say so, show what it saved, and let this form
            // (kept as typed) be saved over it on purpose.
            const core::Account now = signedInAccount(page, *session);
            form.fieldError(def.fields().front().name, "profile.errors.version_mismatch");
            auto savedNow = def.describe(page.t(), now);
            if (savedNow.empty()) savedNow.push_back(page.t()("profile.not_given"));
            return again(now.version, savedNow, 409);
        }
        showRefusal(page.t(), form, updated.error(), kSection, def.fields().front().name);
        return again(postedVersion(posted), {}, failedFormStatus(updated.error()));
    }
    std::string next = savedPath(paths::kProfile, def.saved);
    // A new preferred language shows at once: the language switch (?lang=) sets the page
    // language too, then drops the parameter.
    if (changes.language) next += std::string("&") + kLanguageParameter + "=" + *changes.language;
    page.redirect(next);
}

// --- the summary ---

PageData row(const std::string& label, const std::vector<std::string>& lines, const std::string& href,
             const std::string& hidden) {
    PageData r;
    r.set("label", label).set("lines", linesData(lines)).set("href", href).set("hidden", hidden);
    return r;
}

void showProfile(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const core::Account a = signedInAccount(page, *session);
    const Translator& t = page.t();
    auto label = [&](const std::string& key) { return t("profile.rows." + key); };
    auto hidden = [&](const std::string& key) { return t("profile.change_hidden." + key); };

    PageData rows = PageData::list();
    rows.push(row(label("name"), {a.name}, paths::kProfileName, hidden("name")));
    rows.push(row(label("preferred_name"), oneLine(a.preferredName), paths::kProfileName, hidden("preferred_name")));
    rows.push(row(label("date_of_birth"), oneLine(a.dateOfBirth.empty() ? "" : dateText(t, a.dateOfBirth)),
                  paths::kProfileDateOfBirth, hidden("date_of_birth")));
    rows.push(row(label("sex"), oneLine(sexText(t, a.sex)), paths::kProfileSex, hidden("sex")));
    rows.push(row(label("address"), addressLines(a.address), paths::kProfileAddress, hidden("address")));
    rows.push(row(label("phone"), oneLine(a.phone), paths::kProfilePhone, hidden("phone")));
    rows.push(row(label("email"), {a.email}, paths::kProfileEmail, hidden("email")));
    rows.push(row(label("language"), oneLine(languageName(a.language)), paths::kProfileLanguage, hidden("language")));

    showSavedBanner(page, kSection);
    page.data()
        .set("rows", rows)
        .set("pendingEmail", a.pendingEmail.empty() ? "" : t("profile.email_pending", {{"email", a.pendingEmail}}))
        .set("confirmEmailLink", paths::kProfileEmailConfirm)
        .set("back", paths::kAccount);
    page.render("profile", "profile.title");
}

// --- a new email address ---

std::vector<FieldSpec> emailFields() {
    FieldSpec f = textField(kEmail, "profile.email.label", "email", "email", "profile.email.hint");
    return {f};
}

void renderEmail(Page& page, const core::Account& account, const FormView& form, int status) {
    page.data()
        .set("action", paths::kProfileEmail)
        .set("back", paths::kProfile)
        .set("heading", page.t()("profile.email.heading"))
        .set("pageHint", page.t()("profile.email.current", {{"email", account.email}}))
        .set("submitText", page.t()("profile.email.submit"));
    page.render("profile-change", "profile.email.title", form, status);
}

void showEmail(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    renderEmail(page, signedInAccount(page, *session), page.formView(emailFields()), 200);
}

void submitEmail(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(emailFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderEmail(page, signedInAccount(page, *session), form.expired(), 400);
    const std::string email = trimmed(posted.value(kEmail));
    if (email.empty()) form.fieldError(kEmail, "profile.errors.email.required");
    else if (email.size() > 1000) form.fieldError(kEmail, "profile.errors.email.too_long");
    if (form.hasErrors()) return renderEmail(page, signedInAccount(page, *session), form, 400);

    auto pending = core::EmailChangeService(page.services())
                       .request(session->session.accountId, email, page.request().clientAddress);
    if (!pending) {
        showRefusal(page.t(), form, pending.error(), kSection, kEmail);
        return renderEmail(page, signedInAccount(page, *session), form, failedFormStatus(pending.error()));
    }
    page.redirect(paths::kProfileEmailConfirm);
}

std::vector<FieldSpec> codeFields() {
    FieldSpec code = textField(kCode, "profile.email_confirm.code", "text", "one-time-code");
    code.inputmode = "numeric";
    code.widthClass = "govuk-input--width-5";
    code.spellcheck = false;
    return {code};
}

void renderEmailConfirm(Page& page, const core::Account& account, const FormView& form, int status) {
    page.data()
        .set("back", paths::kProfileEmail)
        .set("sentTo", page.t()("profile.email_confirm.sent", {{"email", account.pendingEmail}}))
        .set("pendingEmail", account.pendingEmail)
        .set("action", paths::kProfileEmailConfirm)
        .set("resendAction", paths::kProfileEmail)
        .set("changeLink", paths::kProfileEmail);
    page.render("profile-email-confirm", "profile.email_confirm.title", form, status);
}

void showEmailConfirm(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const core::Account account = signedInAccount(page, *session);
    if (account.pendingEmail.empty()) return page.redirect(paths::kProfileEmail);  // nothing to confirm
    renderEmailConfirm(page, account, page.formView(codeFields()), 200);
}

void submitEmailConfirm(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(codeFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderEmailConfirm(page, signedInAccount(page, *session), form.expired(), 400);
    const std::string code = trimmed(posted.value(kCode));
    if (code.empty()) form.fieldError(kCode, "profile.errors.code.required");
    else if (code.size() > 64) form.fieldError(kCode, "profile.errors.code.invalid_format");
    if (form.hasErrors()) return renderEmailConfirm(page, signedInAccount(page, *session), form, 400);

    auto changed =
        core::EmailChangeService(page.services()).confirm(session->session.accountId, code, page.request().clientAddress);
    if (!changed) {
        const core::Account account = signedInAccount(page, *session);
        // Nothing waiting any more (confirmed in another tab, say): start again.
        if (account.pendingEmail.empty() && changed.error().code == "no_email_change")
            return page.redirect(paths::kProfileEmail);
        showRefusal(page.t(), form, changed.error(), kSection, kCode);
        return renderEmailConfirm(page, account, form, failedFormStatus(changed.error()));
    }
    page.redirect(savedPath(paths::kProfile, "email"));
}

}  // namespace

void registerProfilePages(PortalRouter& pages) {
    pages.get(paths::kProfile, showProfile);
    for (const ChangePage& def : changePages()) {
        pages.get(def.path, [&def](Page& page) { showChange(page, def); });
        pages.post(def.path, [&def](Page& page) { submitChange(page, def); });
    }
    pages.get(paths::kProfileEmail, showEmail);
    pages.post(paths::kProfileEmail, submitEmail);
    pages.get(paths::kProfileEmailConfirm, showEmailConfirm);
    pages.post(paths::kProfileEmailConfirm, submitEmailConfirm);
}

}  // namespace tessera::web::portal
