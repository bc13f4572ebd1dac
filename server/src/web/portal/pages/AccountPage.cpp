// The account dashboard (/account): who is signed in, their level of assurance and what it
// unlocks, and the way to each part of the account. Parts other pages provide (profile,
// security, connected services, proving identity) appear once their pages exist.
#include <algorithm>
#include <stdexcept>

#include "core/accounts/ProfileService.h"
#include "web/portal/PortalPaths.h"
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

// A card linking to one part of the account, shown only when its page exists.
void addSection(Page& page, PageData& sections, const char* path, const std::string& key) {
    if (!page.hasPage(path)) return;
    PageData card;
    card.set("href", path).set("title", page.t()(key + ".title")).set("description", page.t()(key + ".description"));
    sections.push(card);
}

void showAccount(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    auto account = core::ProfileService(page.services()).view(session->session.accountId);
    if (!account) throw std::runtime_error("the signed-in account cannot be read: " + account.error().message);
    const Translator& t = page.t();
    const int loa = std::clamp(account->loa, 0, kHighestLevel);
    const std::string name = account->preferredName.empty() ? account->name : account->preferredName;

    PageData sections = PageData::list();
    addSection(page, sections, paths::kProfile, "account.sections.profile");
    addSection(page, sections, paths::kSecurity, "account.sections.security");
    addSection(page, sections, paths::kConnectedServices, "account.sections.services");

    const std::string levelKey = "loa.level_" + std::to_string(loa);
    page.data()
        .set("name", name)
        .set("email", account->email)
        .set("welcome", t("account.welcome", {{"name", name}}))
        .set("levelName", t("loa.name", {{"level", std::to_string(loa)}}))
        .set("levelUnlocks", t(levelKey + ".unlocks"))
        .set("levels", levelsData(t, loa))
        .set("canRaiseLevel", loa < kHighestLevel)
        .set("verifyLink", loa < kHighestLevel && page.hasPage(paths::kVerifyIdentity) ? paths::kVerifyIdentity : "")
        .set("sections", sections);
    page.render("account", "account.title");
}

}  // namespace

void registerAccountPage(PortalRouter& pages) { pages.get(paths::kAccount, showAccount); }

}  // namespace tessera::web::portal
