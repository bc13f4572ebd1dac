#include "web/portal/pages/VerifyForms.h"

#include <cstdio>
#include <stdexcept>

#include "core/accounts/ProfileService.h"
#include "core/assurance/AssuranceService.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"

namespace tessera::web::portal::verifypages {

namespace {

constexpr std::int64_t kAttemptWindowSeconds = 24 * 60 * 60;

bool allDigits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

std::string withoutLeadingZero(std::string s) {
    while (s.size() > 1 && s.front() == '0') s.erase(0, 1);
    return s;
}

}  // namespace

std::optional<Citizen> requireCitizen(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return std::nullopt;
    if (!page.services().verification) {
        page.renderError(503);
        return std::nullopt;
    }
    return Citizen{*session, core::Actor{session->session.accountId, page.request().clientAddress},
                   *page.services().verification};
}

core::IdentityChecks identityChecks(Page& page, Citizen& citizen) {
    return core::IdentityChecks(page.services(), *citizen.parts.registers, citizen.parts.policy);
}

core::ApplicationService applications(Page& page, Citizen& citizen) {
    return core::ApplicationService(page.services(), *citizen.parts.registers, *citizen.parts.blobs,
                                    citizen.parts.policy);
}

core::Account accountOf(Page& page, const Citizen& citizen) {
    auto account = core::ProfileService(page.services()).view(citizen.accountId());
    if (!account) throw std::runtime_error("the signed-in account cannot be read: " + account.error().message);
    return std::move(*account);
}

bool identityMatched(Page& page, Citizen& citizen) {
    core::AssuranceService assurance(page.services(), citizen.parts.policy);
    for (const auto& e : assurance.activeEvidence(citizen.accountId()))
        if (e.kind == core::EvidenceKind::VitalRecord) return true;
    return false;
}

std::string withReturn(Page& page, const std::string& path, const FormFields* posted) {
    return withNext(path, page.next(posted));
}

void keepReturn(Page& page, const FormFields* posted) {
    const auto next = page.next(posted);
    const bool service = next && *next != paths::kAccount;
    page.data().set("next", service ? *next : std::string()).set("returnLink", service ? *next : std::string());
}

void redirectToOverview(Page& page, const std::string& saved, const FormFields* posted) {
    page.redirect(withReturn(page, accountpages::savedPath(paths::kVerifyIdentity, saved), posted));
}

// --- dates ---

DateParts datePartsOf(const std::string& iso) {
    if (iso.size() != 10) return {};
    return {withoutLeadingZero(iso.substr(8, 2)), withoutLeadingZero(iso.substr(5, 2)), iso.substr(0, 4)};
}

DateParts postedDateParts(const FormFields& posted, const std::string& field) {
    using accountpages::trimmed;
    return {trimmed(posted.value(field + "-day")), trimmed(posted.value(field + "-month")),
            trimmed(posted.value(field + "-year"))};
}

std::optional<std::string> isoDateFrom(const DateParts& p, FormView& form, const std::string& field) {
    const std::string prefix = std::string(kSection) + ".errors." + field;
    if (p.day.empty() && p.month.empty() && p.year.empty()) {
        form.fieldError(field, prefix + ".required");
        return std::nullopt;
    }
    if (!allDigits(p.day) || !allDigits(p.month) || !allDigits(p.year) || p.day.size() > 2 || p.month.size() > 2 ||
        p.year.size() != 4) {
        form.fieldError(field, prefix + ".invalid_date");
        return std::nullopt;
    }
    auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    return p.year + "-" + two(p.month) + "-" + two(p.day);
}

PageData datePartsData(const Translator& t, const std::string& field, const DateParts& parts,
                       const std::string& autocomplete) {
    static const char* const kParts[] = {"day", "month", "year"};
    const std::string* values[] = {&parts.day, &parts.month, &parts.year};
    PageData list = PageData::list();
    for (int i = 0; i < 3; ++i) {
        const std::string part = kParts[i];
        PageData item;
        item.set("partId", i == 0 ? field : field + "-" + part)
            .set("partName", field + "-" + part)
            .set("partLabel", t("profile.date_of_birth." + part))
            .set("partValue", *values[i])
            .set("partWidth", i == 2 ? "govuk-input--width-4" : "govuk-input--width-2")
            .set("partAutocomplete", autocomplete.empty() ? std::string("off") : autocomplete + "-" + part);
        list.push(item);
    }
    return list;
}

std::pair<std::string, std::string> splitName(const std::string& fullName) {
    const std::string name = accountpages::trimmed(fullName);
    const auto space = name.find_last_of(' ');
    if (space == std::string::npos) return {name, ""};
    return {accountpages::trimmed(name.substr(0, space)), name.substr(space + 1)};
}

PageData sexOptions(const Translator& t, const std::string& field, const std::string& chosen) {
    PageData options = PageData::list();
    bool first = true;
    for (const char* value : {"female", "male", "unspecified"}) {
        options.push(accountpages::radioOption(field, first, value, t(std::string("profile.sex_options.") + value), "",
                                               chosen == value));
        first = false;
    }
    return options;
}

// --- the daily limit ---

std::int64_t retryAt(Page& page, const std::string& accountId, core::CheckKind kind) {
    auto& services = page.services();
    Poco::Data::Session s = services.db.session();
    const auto counted =
        core::RegisterCheckLog(services.db).countedSince(s, accountId, kind, services.clock.now() - kAttemptWindowSeconds);
    return counted.empty() ? 0 : counted.front() + kAttemptWindowSeconds;
}

void renderAttemptsExhausted(Page& page, const Citizen& citizen, core::CheckKind kind, int status) {
    const Translator& t = page.t();
    const std::int64_t at = retryAt(page, citizen.accountId(), kind);
    if (status == 429 && at > 0)
        page.request().response.set("Retry-After",
                                    std::to_string(std::max<std::int64_t>(1, at - page.services().clock.now())));
    const std::string limit = std::to_string(page.services().settings.matchAttemptsPerDay);
    page.data()
        .set("heading", t("verify.exhausted.heading"))
        .set("body", t("verify.exhausted.body", {{"limit", limit}}))
        .set("when", at > 0 ? t("verify.exhausted.when", {{"when", accountpages::whenText(t, at)}}) : "")
        .set("back", withReturn(page, paths::kVerifyIdentity));
    keepReturn(page);
    page.render("verify-exhausted", "verify.exhausted.title", status);
}

void renderPossibleDuplicate(Page& page, int status) {
    page.data().set("back", withReturn(page, paths::kVerifyIdentity));
    keepReturn(page);
    page.render("verify-duplicate", "verify.duplicate.title", status);
}

// --- words ---

std::string mediaText(const Translator& t, const core::MediaItem& item) {
    const std::string& type = item.contentType;
    std::string kind = type == "image/jpeg"   ? t("verify.media.jpeg")
                       : type == "image/png"  ? t("verify.media.png")
                       : type == "video/webm" ? t("verify.media.webm")
                       : type == "video/mp4"  ? t("verify.media.mp4")
                                              : type;
    char size[32];
    if (item.byteSize >= 1024 * 1024) std::snprintf(size, sizeof size, "%.1f MB", double(item.byteSize) / (1024.0 * 1024.0));
    else std::snprintf(size, sizeof size, "%lld KB", static_cast<long long>((item.byteSize + 1023) / 1024));
    if (item.slot == core::MediaSlot::SelfieVideo && item.durationMs > 0)
        return t("verify.media.video_summary",
                 {{"kind", kind}, {"seconds", std::to_string((item.durationMs + 500) / 1000)}, {"size", size}});
    return t("verify.media.summary", {{"kind", kind}, {"size", size}});
}

std::string lastFour(const std::string& number) { return number.size() <= 4 ? number : number.substr(number.size() - 4); }

PageData stateTag(const Translator& t, ApplicationState state) {
    const std::string name(toString(state));
    std::string colour;
    switch (state) {
        case ApplicationState::Draft: colour = "govuk-tag--grey"; break;
        case ApplicationState::Submitted:
        case ApplicationState::InReview: colour = "govuk-tag--blue"; break;
        case ApplicationState::Approved: colour = "govuk-tag--green"; break;
        case ApplicationState::Rejected: colour = "govuk-tag--red"; break;
        case ApplicationState::Flagged: colour = "govuk-tag--yellow"; break;
        case ApplicationState::Withdrawn:
        case ApplicationState::Expired: colour = "govuk-tag--grey"; break;
    }
    PageData tag;
    tag.set("text", t("verify.states." + name)).set("tagClass", colour);
    return tag;
}

std::optional<core::ApplicationStatus> requireDraft(Page& page, Citizen& citizen, const FormFields* posted) {
    auto status = applications(page, citizen).status(citizen.accountId());
    if (!status || status->application.state != ApplicationState::Draft) {
        page.redirect(withReturn(page, status ? paths::kVerifyIdentity : paths::kVerifyDocuments, posted));
        return std::nullopt;
    }
    return std::move(*status);
}

std::string nextApplicationStep(const core::ApplicationStatus& status) {
    if (!status.document || status.documentExpired) return paths::kVerifyDocument;
    for (core::MediaSlot slot : status.missingSlots)
        if (slot != core::MediaSlot::SelfieVideo) return paths::kVerifyPhotos;
    if (!status.missingSlots.empty()) return paths::kVerifyVideo;
    return paths::kVerifyCheck;
}

std::string reasonText(const Translator& t, const core::ApplicationStatus& status) {
    const std::string& code = status.application.decisionReason;
    if (code.empty()) return {};
    const std::string key = std::string(kSection) + ".reasons." + code;
    return t.has(key) ? t(key) : status.reasonText;
}

}  // namespace tessera::web::portal::verifypages
