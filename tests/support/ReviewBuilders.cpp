#include "support/ReviewBuilders.h"

#include <stdexcept>

#include "core/services/Roles.h"
#include "infra/Random.h"

namespace tessera::test {

namespace {

core::AssurancePolicy defaultPolicy() { return core::AssurancePolicy(); }

void require(const Status& s, const char* what) {
    if (!s) throw std::runtime_error(std::string(what) + ": " + s.error().code + " " + s.error().message);
}

}  // namespace

ReviewTestContext::ReviewTestContext(const std::string& backend)
    : auth_(backend), policy_(defaultPolicy()),
      assurance_(std::make_unique<core::AssuranceService>(auth_.ctx(), policy_)),
      applications_(std::make_unique<core::ApplicationStore>(auth_.db(), auth_.ctx().dataKey)) {}

ReviewTestContext::ReviewTestContext(ReviewTestContext& first)
    : auth_(first.auth_), policy_(defaultPolicy()),
      assurance_(std::make_unique<core::AssuranceService>(auth_.ctx(), policy_)),
      applications_(std::make_unique<core::ApplicationStore>(auth_.db(), auth_.ctx().dataKey)) {}

core::Actor ReviewTestContext::citizenActor(const std::string& email) {
    return {makeAccount(ctx(), activeWithTotp(email)).id, "192.0.2.10"};
}

core::Actor ReviewTestContext::reviewer(const std::string& email) {
    core::Actor a = citizenActor(email);
    require(core::Roles(ctx()).grant(a.accountId, core::Role::Reviewer, {"system", ""}), "grant reviewer");
    return a;
}

core::Actor ReviewTestContext::seniorReviewer(const std::string& email) {
    core::Actor a = citizenActor(email);
    require(core::Roles(ctx()).grant(a.accountId, core::Role::SeniorReviewer, {"system", ""}), "grant senior");
    return a;
}

std::string ReviewTestContext::citizen(const std::string& email, Loa loa) {
    const std::string id = makeAccount(ctx(), activeWithTotp(email)).id;
    std::vector<core::EvidenceKind> kinds;
    if (loa >= Loa::Loa1) kinds = {core::EvidenceKind::VitalRecord, core::EvidenceKind::Address};
    if (loa >= Loa::Loa2) kinds.push_back(core::EvidenceKind::KnownFact);
    if (loa >= Loa::Loa3) kinds.push_back(core::EvidenceKind::DocumentReview);
    auto done = db().transaction<void>([&](Poco::Data::Session& s) -> Status {
        for (auto kind : kinds) {
            core::Evidence e;
            e.accountId = id;
            e.kind = kind;
            e.reference = "ref-" + infra::random::id().substr(0, 8);
            e.details = "{}";
            auto changed = assurance_->addEvidence(s, e, "system");
            if (!changed) return changed.error();
        }
        return {};
    });
    require(done, "citizen evidence");
    return id;
}

int ReviewTestContext::loaOf(const std::string& accountId) {
    auto account = ctx().accounts.findById(accountId);
    if (!account) throw std::runtime_error("no such account");
    return account->loa;
}

core::VerificationApplication makeCase(ReviewTestContext& t, CaseSpec spec) {
    if (spec.accountId.empty()) throw std::invalid_argument("a case needs an account");
    const std::int64_t now = t.clock().now();
    core::VerificationApplication a;
    a.id = infra::random::id();
    a.accountId = spec.accountId;
    a.bundle = spec.bundle;
    a.targetLoa = spec.bundle == core::EvidenceBundle::DocumentPhoto ? 2 : spec.bundle == core::EvidenceBundle::DocumentVideo ? 3 : 1;
    a.state = spec.state;
    a.claims = R"({"givenNames":"Grace","familyName":"Hopper","dateOfBirth":"1980-12-09"})";
    a.createdAt = now;
    a.submittedAt = spec.state == ApplicationState::Draft ? 0 : (spec.submittedAt ? spec.submittedAt : now);
    a.updatedAt = now;
    if (!spec.claimedBy.empty()) {
        a.claimedBy = spec.claimedBy;
        a.claimExpiresAt = now + t.settings().reviewClaimMinutes * 60;
    }
    if (spec.state == ApplicationState::Flagged) {
        a.flaggedBy = spec.flaggedBy.empty() ? "system" : spec.flaggedBy;
        a.flagReason = spec.flagReason;
    }
    const std::string uploader = spec.uploadedBy.empty() ? spec.accountId : spec.uploadedBy;
    auto done = t.db().transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (auto st = t.applications().insert(s, a); !st) return st;
        if (spec.withDocumentAndMedia && spec.bundle != core::EvidenceBundle::DuplicatePerson) {
            core::IdentityDocument d;
            d.applicationId = a.id;
            d.documentType = spec.documentType;
            d.number = "925665416";
            d.issuingCountry = "GBR";
            d.givenNames = "Grace";
            d.familyName = "Hopper";
            d.dateOfBirth = "1980-12-09";
            d.expiryDate = spec.expiryDate;
            d.registerResult = spec.registerResult;
            d.updatedAt = now;
            if (auto st = t.applications().putDocument(s, d); !st) return st;
            std::vector<core::MediaSlot> slots{core::MediaSlot::DocumentFront, core::MediaSlot::DocumentBack};
            if (spec.bundle == core::EvidenceBundle::DocumentVideo) slots.push_back(core::MediaSlot::SelfieVideo);
            for (auto slot : slots) {
                core::MediaItem m;
                m.id = infra::random::id();
                m.applicationId = a.id;
                m.slot = slot;
                const bool video = slot == core::MediaSlot::SelfieVideo;
                m.contentType = video ? "video/webm" : "image/jpeg";
                m.byteSize = video ? 2'000'000 : 300'000;
                m.width = video ? 640 : 1600;
                m.height = video ? 480 : 1000;
                m.durationMs = video ? 6000 : 0;
                m.sha256 = std::string(64, 'a');
                m.blobId = infra::random::id();
                m.uploadedBy = uploader;
                m.uploadedAt = now;
                auto put = t.applications().putMedia(s, m);
                if (!put) return put.error();
            }
        }
        core::CaseEvent e;
        e.applicationId = a.id;
        e.at = a.submittedAt;
        e.actor = spec.bundle == core::EvidenceBundle::DuplicatePerson ? "system" : spec.accountId;
        e.event = "submitted";
        e.fromState = "draft";
        e.toState = std::string(toString(spec.state));
        return t.applications().appendEvent(s, e);
    });
    require(done, "make case");
    return a;
}

core::VerificationApplication makeDuplicateCase(ReviewTestContext& t, const std::string& holder,
                                                const std::string& claimant, const std::string& personRef) {
    const std::int64_t now = t.clock().now();
    auto evidence = [&](Poco::Data::Session& s, const std::string& account, core::EvidenceKind kind,
                        const std::string& reference, const std::string& details) -> Status {
        core::Evidence e;
        e.accountId = account;
        e.kind = kind;
        e.reference = reference;
        e.details = details;
        auto changed = t.assurance().addEvidence(s, e, "system");
        if (!changed) return changed.error();
        return {};
    };
    core::VerificationApplication a(makeCase(t, CaseSpec(claimant, core::EvidenceBundle::DuplicatePerson,
                                                         ApplicationState::Flagged)));
    auto done = t.db().transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto& links = t.assurance().personLinks();
        if (auto st = links.link(s, holder, personRef, now); !st) return st;
        const std::string vital = R"({"personRef":")" + personRef + R"(","matchedFields":["givenNames"]})";
        if (auto st = evidence(s, holder, core::EvidenceKind::VitalRecord, links.keyFor(personRef), vital); !st) return st;
        if (auto st = evidence(s, holder, core::EvidenceKind::Address, "100023336956", "{}"); !st) return st;
        if (auto st = evidence(s, holder, core::EvidenceKind::KnownFact, "council_tax", "{}"); !st) return st;
        if (auto st = evidence(s, claimant, core::EvidenceKind::Address, "100023336957", "{}"); !st) return st;
        a.claims = R"({"givenNames":"Grace","familyName":"Hopper","dateOfBirth":"1980-12-09","sex":"female",)"
                   R"("linkedAccountId":")" + holder + R"("})";
        a.flagReason = "duplicate_person";
        a.decisionReason = "duplicate_person";
        return t.applications().update(s, a);
    });
    require(done, "duplicate case");
    return a;
}

std::vector<std::string> fillQueue(ReviewTestContext& t, const std::string& accountId, int count,
                                   std::int64_t firstSubmittedAt) {
    std::vector<std::string> ids;
    auto done = t.db().transaction<void>([&](Poco::Data::Session& s) -> Status {
        for (int i = 0; i < count; ++i) {
            core::VerificationApplication a;
            a.id = infra::random::id();
            a.accountId = accountId;
            a.bundle = i % 2 == 0 ? core::EvidenceBundle::DocumentVideo : core::EvidenceBundle::DocumentPhoto;
            a.targetLoa = i % 2 == 0 ? 3 : 2;
            a.state = ApplicationState::Submitted;
            a.createdAt = a.updatedAt = t.clock().now();
            a.submittedAt = firstSubmittedAt + i;
            if (auto st = t.applications().insert(s, a); !st) return st;
            ids.push_back(a.id);
        }
        return {};
    });
    require(done, "fill queue");
    return ids;
}

}  // namespace tessera::test
