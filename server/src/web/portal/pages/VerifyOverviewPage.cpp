// "Prove who you are" (/account/verify): what each level of assurance is and what it lets the
// citizen use, their level now, the evidence their account holds (and until when), the steps
// to each higher level as links (in the order the policy needs them), the register checks left
// today, and their current or latest application with its status (the reason and the
// reviewer's message when it was rejected; withdraw while it waits). Arriving from a service's
// step-up page (?next=), every link keeps the way back, shown as a button once they are done.
#include <algorithm>

#include "core/assurance/AssuranceService.h"
#include "web/portal/DateText.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"
#include "web/portal/pages/VerifyForms.h"
#include "web/portal/pages/VerifyPages.h"

namespace tessera::web::portal {

namespace {

using namespace verifypages;

PageData levelsData(const Translator& t, int current) {
    PageData levels = PageData::list();
    for (int level = 0; level < kLoaCount; ++level) {
        const std::string key = "loa.level_" + std::to_string(level);
        PageData item;
        item.set("name", t("loa.name", {{"level", std::to_string(level)}}))
            .set("how", t(key + ".how"))
            .set("unlocks", t(key + ".unlocks"))
            .set("current", level == current);
        levels.push(item);
    }
    return levels;
}

PageData evidenceData(const Translator& t, const std::vector<core::Evidence>& evidence) {
    PageData list = PageData::list();
    for (const auto& e : evidence) {
        PageData item;
        item.set("kind", t("verify.evidence." + std::string(core::toString(e.kind))))
            .set("checked", t("verify.overview.evidence_checked", {{"date", dateText(t, e.verifiedAt)}}))
            .set("expires", e.expiresAt > 0 ? t("verify.overview.evidence_expires", {{"date", dateText(t, e.expiresAt)}})
                                            : t("verify.overview.evidence_no_expiry"));
        list.push(item);
    }
    return list;
}

// One step towards a level: its words, and its page when the citizen can take it now.
PageData stepData(Page& page, core::EvidenceKind kind, bool identityDone, bool atLoa1) {
    const Translator& t = page.t();
    std::string href, after;
    switch (kind) {
        case core::EvidenceKind::VitalRecord: href = paths::kVerifyIdentityMatch; break;
        case core::EvidenceKind::Address:
            if (identityDone) href = paths::kVerifyAddress;
            else after = t("verify.steps.after_identity");
            break;
        case core::EvidenceKind::KnownFact:
            if (identityDone) href = paths::kVerifyKnownFact;
            else after = t("verify.steps.after_identity");
            break;
        case core::EvidenceKind::PhotoReview:
            if (atLoa1) href = std::string(paths::kVerifyDocuments) + "?evidence=document_photo";
            else after = t("verify.steps.after_level_1");
            break;
        case core::EvidenceKind::DocumentReview:
            if (atLoa1) href = paths::kVerifyDocuments;
            else after = t("verify.steps.after_level_1");
            break;
        case core::EvidenceKind::AdminOverride: break;
    }
    PageData step;
    step.set("text", t("verify.steps." + std::string(core::toString(kind))))
        .set("href", href.empty() ? std::string() : withReturn(page, href))
        .set("after", after);
    return step;
}

PageData nextStepsData(Page& page, core::AssuranceService& assurance, const std::string& accountId, Loa level,
                       bool identityDone) {
    const Translator& t = page.t();
    PageData targets = PageData::list();
    for (int target = toInt(level) + 1; target < kLoaCount; ++target) {
        const auto targetLoa = loaFromInt(target);
        if (!targetLoa) continue;
        PageData ways = PageData::list();
        bool first = true;
        for (const auto& way : assurance.nextSteps(accountId, *targetLoa)) {
            PageData steps = PageData::list();
            for (auto kind : way)
                if (kind != core::EvidenceKind::AdminOverride)
                    steps.push(stepData(page, kind, identityDone, meets(level, Loa::Loa1)));
            PageData item;
            item.set("steps", steps).set("notFirst", !first);
            ways.push(item);
            first = false;
        }
        const std::string number = std::to_string(target);
        PageData item;
        item.set("name", t("loa.name", {{"level", number}}))
            .set("unlocks", t("loa.level_" + number + ".unlocks"))
            .set("intro", t(ways.items().size() > 1 ? "verify.overview.one_of_these" : "verify.overview.these_steps"))
            .set("ways", ways);
        targets.push(item);
    }
    return targets;
}

PageData attemptsData(Page& page, Citizen& citizen) {
    const Translator& t = page.t();
    core::IdentityChecks checks = identityChecks(page, citizen);
    PageData rows = PageData::list();
    for (auto kind : {core::CheckKind::VitalRecord, core::CheckKind::Address, core::CheckKind::KnownFact}) {
        PageData row;
        row.set("label", t("verify.overview.attempts." + std::string(core::toString(kind))))
            .set("count", std::to_string(checks.attemptsLeft(citizen.accountId(), kind)));
        rows.push(row);
    }
    return rows;
}

// The current or latest application, or nothing when the citizen never applied.
std::optional<PageData> applicationData(Page& page, Citizen& citizen, Loa level) {
    const Translator& t = page.t();
    auto status = applications(page, citizen).status(citizen.accountId());
    if (!status) return std::nullopt;
    const core::VerificationApplication& a = status->application;
    const bool duplicate = a.bundle == core::EvidenceBundle::DuplicatePerson;
    const std::string state(toString(a.state));

    // Every member set, even when empty: mustache would otherwise find the page's own.
    PageData app;
    app.set("reason", "").set("message", "").set("continueLink", "").set("withdrawLink", "").set("startAgainLink", "");
    app.set("tag", stateTag(t, a.state))
        .set("bundle", t("verify.bundles." + std::string(core::toString(a.bundle))))
        .set("detail", duplicate ? t("verify.duplicate.body") : t("verify.state_details." + state))
        .set("since", a.submittedAt > 0 ? t("verify.overview.sent_on", {{"date", dateText(t, a.submittedAt)}})
                                         : t("verify.overview.started_on", {{"date", dateText(t, a.createdAt)}}));
    if (a.state == ApplicationState::Rejected) app.set("reason", reasonText(t, *status)).set("message", a.decisionMessage);
    if (a.state == ApplicationState::Draft) app.set("continueLink", withReturn(page, nextApplicationStep(*status)));
    if (a.state == ApplicationState::Draft || a.state == ApplicationState::Submitted)
        app.set("withdrawLink", withReturn(page, paths::kVerifyWithdraw));
    const bool settled = a.state == ApplicationState::Rejected || a.state == ApplicationState::Withdrawn ||
                         a.state == ApplicationState::Expired;
    if (settled && !duplicate && toInt(level) < toInt(Loa::Loa3) && meets(level, Loa::Loa1))
        app.set("startAgainLink", withReturn(page, paths::kVerifyDocuments));
    return app;
}

void showOverview(Page& page) {
    auto citizen = requireCitizen(page);
    if (!citizen) return;
    const Translator& t = page.t();
    core::AssuranceService assurance(page.services(), citizen->parts.policy);
    const std::string& id = citizen->accountId();
    const Loa level = assurance.levelOf(id);
    const std::string number = std::to_string(toInt(level));
    const auto evidence = assurance.activeEvidence(id);
    const bool identityDone = std::any_of(evidence.begin(), evidence.end(), [](const core::Evidence& e) {
        return e.kind == core::EvidenceKind::VitalRecord;
    });

    accountpages::showSavedBanner(page, kSection);
    keepReturn(page);
    page.data()
        .set("back", paths::kAccount)
        .set("levelName", t("loa.name", {{"level", number}}))
        .set("levelHow", t("loa.level_" + number + ".how"))
        .set("levelUnlocks", t("loa.level_" + number + ".unlocks"))
        .set("levels", levelsData(t, toInt(level)))
        .set("evidence", evidenceData(t, evidence))
        .set("hasEvidence", !evidence.empty())
        .set("targets", nextStepsData(page, assurance, id, level, identityDone))
        .set("highest", toInt(level) + 1 >= kLoaCount)
        .set("attempts", attemptsData(page, *citizen))
        .set("attemptsIntro", t("verify.overview.attempts_intro",
                                {{"limit", std::to_string(page.services().settings.matchAttemptsPerDay)}}));
    if (auto app = applicationData(page, *citizen, level)) page.data().set("application", *app);
    page.render("verify", "verify.overview.title");
}

}  // namespace

void registerVerifyOverviewPage(PortalRouter& pages) { pages.get(paths::kVerifyIdentity, showOverview); }

}  // namespace tessera::web::portal
