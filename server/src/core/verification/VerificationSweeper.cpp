#include "core/verification/VerificationSweeper.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Logger.h>

#include "core/assurance/AssuranceService.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;
constexpr std::size_t kBatch = 200;

std::vector<std::string> ids(store::Database& db, const std::string& sql, Poco::Int64 cutoff) {
    Poco::Data::Session s = db.session();
    Poco::Data::Statement st(s);
    st << db.sql(sql + " LIMIT " + std::to_string(kBatch)), use(cutoff);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<std::string> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) out.push_back(rs.value(0, row).convert<std::string>());
    return out;
}

std::string settledStates() {
    std::string list;
    for (ApplicationState st : kAllApplicationStates) {
        if (!isTerminal(st)) continue;
        if (!list.empty()) list += ", ";
        list += "'" + std::string(toString(st)) + "'";
    }
    return list;
}

}  // namespace

VerificationSweeper::VerificationSweeper(Context& ctx, infra::BlobStore& blobs, const AssurancePolicy& policy)
    : ctx_(ctx), blobs_(blobs), policy_(policy), store_(ctx.db, ctx.dataKey) {}

Result<SweepReport> VerificationSweeper::run(std::int64_t now) {
    SweepReport report;
    auto drafts = expireDrafts(now);
    if (!drafts) return drafts.error();
    report.draftsExpired = *drafts;
    auto media = deleteRetainedMedia(now);
    if (!media) return media.error();
    report.applicationsPurged = media->applicationsPurged;
    report.blobsRemoved = media->blobsRemoved;
    AssuranceService assurance(ctx_, policy_);
    auto lapsed = assurance.sweepExpired(now);
    if (!lapsed) return lapsed.error();
    report.evidenceLapsed = lapsed->lapsed;
    report.levelsChanged = lapsed->accountsChanged;
    return report;
}

Result<std::size_t> VerificationSweeper::expireDrafts(std::int64_t now) {
    const std::int64_t cutoff = now - ctx_.settings.draftExpiryDays * kDay;
    std::size_t expired = 0;
    for (;;) {
        const auto batch = ids(ctx_.db,
                               "SELECT id FROM verification_applications WHERE state = 'draft' AND created_at <= ? "
                               "ORDER BY created_at, id",
                               cutoff);
        std::size_t done = 0;
        for (const auto& id : batch) {
            auto r = ctx_.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                auto a = store_.find(s, id);
                if (!a || a->state != ApplicationState::Draft || a->createdAt > cutoff) return false;
                a->state = ApplicationState::Withdrawn;
                a->decidedAt = a->updatedAt = now;
                a->decidedBy = "system";
                if (Status st = store_.update(s, *a); !st) return st.error();
                CaseEvent e;
                e.applicationId = a->id;
                e.at = now;
                e.actor = "system";
                e.event = "expired_draft";
                e.fromState = std::string(toString(ApplicationState::Draft));
                e.toState = std::string(toString(ApplicationState::Withdrawn));
                if (Status st = store_.appendEvent(s, e); !st) return st.error();
                AuditEvent audit{"verification.draft_expired", "system", a->accountId, "", {{"application", a->id}}};
                if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
                return true;
            });
            // A citizen's change in the same moment wins; the next sweep looks again.
            if (r && *r) ++done;
            if (!r && r.error().kind != ErrorKind::Conflict) return r.error();
        }
        expired += done;
        if (batch.size() < kBatch || done == 0) return expired;
    }
}

Result<SweepReport> VerificationSweeper::deleteRetainedMedia(std::int64_t now) {
    const std::int64_t cutoff = now - ctx_.settings.mediaRetentionDays * kDay;
    SweepReport report;
    for (;;) {
        const auto batch = ids(ctx_.db,
                               "SELECT id FROM verification_applications WHERE media_deleted_at = 0 AND decided_at > 0 "
                               "AND decided_at <= ? AND state IN (" + settledStates() + ") ORDER BY decided_at, id",
                               cutoff);
        std::size_t done = 0;
        for (const auto& id : batch) {
            const auto media = store_.media(id);
            auto r = ctx_.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                auto a = store_.find(s, id);
                if (!a || a->mediaDeletedAt != 0 || !isTerminal(a->state)) return false;
                if (Status st = store_.deleteMedia(s, id); !st) return st.error();
                a->mediaDeletedAt = a->updatedAt = now;
                if (Status st = store_.update(s, *a); !st) return st.error();
                CaseEvent e;
                e.applicationId = id;
                e.at = now;
                e.actor = "system";
                e.event = "media_deleted";
                if (Status st = store_.appendEvent(s, e); !st) return st.error();
                AuditEvent audit{"verification.media_deleted", "system", a->accountId, "",
                                 {{"application", id}, {"items", std::to_string(media.size())}}};
                if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
                return true;
            });
            if (!r && r.error().kind != ErrorKind::Conflict) return r.error();
            if (!r || !*r) continue;
            ++done;
            // After commit: the rows are gone, so the blobs can go too.
            for (const auto& m : media) {
                if (Status st = blobs_.remove(m.blobId); st)
                    ++report.blobsRemoved;
                else
                    Poco::Logger::get("tessera.verification")
                        .warning("could not remove blob " + m.blobId + ": " + st.error().message);
            }
        }
        report.applicationsPurged += done;
        if (batch.size() < kBatch || done == 0) return report;
    }
}

}  // namespace tessera::core
