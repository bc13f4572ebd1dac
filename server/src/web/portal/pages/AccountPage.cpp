// The account dashboard (/account): who is signed in, their level of assurance and what it
// unlocks, a call to prove who they are (linking to verification once that page exists), and
// a card for each part of the account: their details, sign-in and security (two-factor
// method, how many sessions), proving who they are (the level and the latest verification
// application's status), connected services. A card links to its page only once that
// page exists: until then it says what will be there (no dead links).
#include <algorithm>
#include <stdexcept>

#include "core/accounts/ProfileService.h"
#include "core/sessions/SessionService.h"
#include "core/verification/ApplicationStore.h"
#include "web/portal/DateText.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

constexpr int kHighestLevel = 3;

PageData levelsData(const Translator& t, int current) {
    PageData levels = PageData::list();
    for (int level = 0; level <= kHighestLevel; ++level) {
        const std::string key = "loa.level_" + std::to_string(level);
        PageData item;
        item.set("name", t("loa.name", {{"level", std::to_string(level)}}))
            .set("how", t(key + ".how"))
            .set("unlocks", t(key + ".unlocks"))
            .set("current", level == current)
            .set("reached", level <= current);
        levels.push(item);
    }
    return levels;
}

// A row of a summary card: a label and its value's lines ("Not given" when there are none).
PageData cardRow(const std::string& label, std::vector<std::string> lines) {
    PageData list = PageData::list();
    for (auto& line : lines)
        if (!line.empty()) list.push(PageData::text(std::move(line)));
    PageData row;
    row.set("label", label).set("lines", list);
    return row;
}

// A summary card (govuk-summary-card): a title, rows, and a link to its page if it exists.
PageData card(Page& page, const std::string& id, const std::string& title, const char* path,
              const std::string& linkKey, PageData rows) {
    PageData c;
    c.set("id", id)
        .set("title", title)
        .set("href", page.hasPage(path) ? path : "")
        .set("linkText", page.t()(linkKey))
        .set("rows", std::move(rows));
    return c;
}

// Proving who you are: the level, and the latest verification application's status (with the
// reason when it was not accepted), linking to /account/verify.
PageData verificationRows(Page& page, const core::Account& account, int loa) {
    const Translator& t = page.t();
    PageData rows = PageData::list();
    rows.push(cardRow(t("verify.dashboard.level"), {t("loa.name", {{"level", std::to_string(loa)}})}));
    auto latest = core::ApplicationStore(page.services().db, page.services().dataKey).latestFor(account.id);
    std::vector<std::string> application{t("verify.dashboard.none")};
    if (latest) {
        application = {t("verify.states." + std::string(toString(latest->state)))};
        const std::string reasonKey = "verify.reasons." + latest->decisionReason;
        if (latest->state == ApplicationState::Rejected && t.has(reasonKey)) application.push_back(t(reasonKey));
    }
    rows.push(cardRow(t("verify.dashboard.application"), std::move(application)));
    return rows;
}

void showAccount(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    auto account = core::ProfileService(page.services()).view(session->session.accountId);
    if (!account) throw std::runtime_error("the signed-in account cannot be read: " + account.error().message);
    const Translator& t = page.t();
    const int loa = std::clamp(account->loa, 0, kHighestLevel);
    const std::string name = account->preferredName.empty() ? account->name : account->preferredName;

    // Your details.
    PageData profileRows = PageData::list();
    profileRows.push(cardRow(t("profile.rows.name"), {account->name}));
    profileRows.push(cardRow(t("profile.rows.date_of_birth"),
                             {account->dateOfBirth.empty() ? "" : dateText(t, account->dateOfBirth)}));
    const auto& a = account->address;
    profileRows.push(cardRow(t("profile.rows.address"), {a.line1, a.line2, a.town, a.postcode}));
    profileRows.push(cardRow(t("profile.rows.email"), {account->email}));

    // Sign-in and security.
    const core::Caller caller{session->session, session->token, page.request().clientAddress};
    const auto sessions = core::SessionService(page.services()).listMine(caller);
    PageData securityRows = PageData::list();
    securityRows.push(cardRow(t("account.security_card.method"), {accountpages::secondFactorText(t, account->secondFactor)}));
    securityRows.push(cardRow(t("account.security_card.sessions"), {std::to_string(sessions.size())}));

    PageData cards = PageData::list();
    cards.push(card(page, "profile", t("account.sections.profile.title"), paths::kProfile, "account.profile_card.link",
                    profileRows));
    cards.push(card(page, "security", t("account.sections.security.title"), paths::kSecurity,
                    "account.security_card.link", securityRows));
    cards.push(card(page, "verification", t("verify.dashboard.title"), paths::kVerifyIdentity, "verify.dashboard.link",
                    verificationRows(page, *account, loa)));

    const std::string levelKey = "loa.level_" + std::to_string(loa);
    page.data()
        .set("name", name)
        .set("email", account->email)
        .set("welcome", t("account.welcome", {{"name", name}}))
        .set("levelName", t("loa.name", {{"level", std::to_string(loa)}}))
        .set("levelUnlocks", t(levelKey + ".unlocks"))
        .set("nextLevelUnlocks", loa < kHighestLevel ? t("loa.level_" + std::to_string(loa + 1) + ".unlocks") : "")
        .set("levels", levelsData(t, loa))
        .set("canRaiseLevel", loa < kHighestLevel)
        .set("verifyLink", loa < kHighestLevel && page.hasPage(paths::kVerifyIdentity) ? paths::kVerifyIdentity : "")
        .set("cards", cards)
        .set("servicesLink", page.hasPage(paths::kConnectedServices) ? paths::kConnectedServices : "");
    page.render("account", "account.title");
}

}  // namespace

void registerAccountPage(PortalRouter& pages) { pages.get(paths::kAccount, showAccount); }

}  // namespace tessera::web::portal
