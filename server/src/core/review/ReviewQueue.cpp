#include "core/review/ReviewQueue.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

#include "core/review/QueueCursor.h"
#include "core/review/ReviewerAccess.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

bool before(const QueueItem& a, const QueueItem& b, bool newestFirst) {
    if (a.submittedAt != b.submittedAt)
        return newestFirst ? a.submittedAt > b.submittedAt : a.submittedAt < b.submittedAt;
    return newestFirst ? a.id > b.id : a.id < b.id;
}

Status checkRequest(const QueuePageRequest& r) {
    if (r.limit < 1 || r.limit > ReviewQueue::kMaxLimit)
        return Error::field("limit", "out_of_range", "Ask for between 1 and 100 cases a page.");
    const auto& f = r.filter;
    if (f.submittedBefore && f.submittedAfter && *f.submittedAfter >= *f.submittedBefore)
        return Error::field("submittedAfter", "out_of_range",
                            "The earliest submission time must be before the latest one.");
    return {};
}

}  // namespace

const std::vector<ApplicationState>& ReviewQueue::workStates() {
    static const std::vector<ApplicationState> states{ApplicationState::Submitted, ApplicationState::InReview,
                                                      ApplicationState::Flagged};
    return states;
}

Result<QueuePage> ReviewQueue::list(const std::string& reviewerId, const QueuePageRequest& request) {
    if (auto rank = reviewerRank(ctx_, reviewerId); !rank) return rank.error();
    return page(reviewerId, request);
}

Result<QueuePage> ReviewQueue::page(const std::string& reviewerId, const QueuePageRequest& request) {
    if (auto valid = checkRequest(request); !valid) return valid.error();
    const bool newestFirst = request.order == QueueOrder::NewestFirst;
    std::optional<QueueCursor> cursor;
    if (!request.after.empty()) {
        auto decoded = decodeQueueCursor(request.after, newestFirst);
        if (!decoded) return decoded.error();
        cursor = *decoded;
    }
    std::vector<ApplicationState> states = request.filter.states.empty() ? workStates() : request.filter.states;
    std::sort(states.begin(), states.end());
    states.erase(std::unique(states.begin(), states.end()), states.end());

    // One index range per state; the bound values outlive the statements that bind them.
    const auto& f = request.filter;
    std::string kind = f.bundle ? std::string(toString(*f.bundle)) : std::string();
    Poco::Int64 submittedBefore = f.submittedBefore.value_or(0), submittedAfter = f.submittedAfter.value_or(0);
    Poco::Int64 cursorAt = cursor ? cursor->submittedAt : 0;
    std::string cursorId = cursor ? cursor->id : std::string();
    const std::string direction = newestFirst ? " DESC" : "";
    std::string sql =
        "SELECT id, state, evidence_kind, target_loa, submitted_at, claimed_by, claim_expires_at, flag_reason, "
        "flagged_by FROM verification_applications WHERE state = ?";
    if (f.bundle) sql += " AND evidence_kind = ?";
    if (f.submittedBefore) sql += " AND submitted_at < ?";
    if (f.submittedAfter) sql += " AND submitted_at >= ?";
    if (cursor) sql += newestFirst ? " AND (submitted_at, id) < (?, ?)" : " AND (submitted_at, id) > (?, ?)";
    sql += " ORDER BY submitted_at" + direction + ", id" + direction + " LIMIT " + std::to_string(request.limit + 1);
    sql = ctx_.db.sql(sql);

    const std::int64_t now = ctx_.clock.now();
    std::vector<QueueItem> rows;
    Poco::Data::Session s = ctx_.db.session();
    for (ApplicationState state : states) {
        std::string stateName(toString(state));
        Poco::Data::Statement st(s);
        st << sql, use(stateName);
        if (f.bundle) st, use(kind);
        if (f.submittedBefore) st, use(submittedBefore);
        if (f.submittedAfter) st, use(submittedAfter);
        if (cursor) st, use(cursorAt), use(cursorId);
        st.execute();
        Poco::Data::RecordSet rs(st);
        for (std::size_t r = 0; r < rs.rowCount(); ++r) {
            QueueItem item;
            item.id = rs.value(0, r).convert<std::string>();
            item.state = applicationStateFromString(rs.value(1, r).convert<std::string>()).value_or(state);
            item.bundle =
                evidenceBundleFrom(rs.value(2, r).convert<std::string>()).value_or(EvidenceBundle::DocumentVideo);
            item.targetLoa = int(rs.value(3, r).convert<Poco::Int64>());
            item.submittedAt = rs.value(4, r).convert<Poco::Int64>();
            item.ageSeconds = std::max<std::int64_t>(0, now - item.submittedAt);
            std::string claimedBy = rs.value(5, r).convert<std::string>();
            std::int64_t claimExpiresAt = rs.value(6, r).convert<Poco::Int64>();
            if (!claimedBy.empty() && now < claimExpiresAt) {
                item.claimedBy = claimedBy;
                item.claimExpiresAt = claimExpiresAt;
                item.claimedByMe = claimedBy == reviewerId;
            }
            item.flagReason = rs.value(7, r).convert<std::string>();
            item.flaggedBy = rs.value(8, r).convert<std::string>();
            rows.push_back(std::move(item));
        }
    }
    std::sort(rows.begin(), rows.end(),
              [&](const QueueItem& a, const QueueItem& b) { return before(a, b, newestFirst); });
    QueuePage out;
    const auto limit = std::size_t(request.limit);
    if (rows.size() > limit) {
        rows.resize(limit);
        const QueueItem& last = rows.back();
        out.next = encodeQueueCursor({newestFirst, last.submittedAt, last.id});
    }
    out.items = std::move(rows);
    return out;
}

Result<std::map<ApplicationState, std::int64_t>> ReviewQueue::counts(const std::string& reviewerId) {
    if (auto rank = reviewerRank(ctx_, reviewerId); !rank) return rank.error();
    std::map<ApplicationState, std::int64_t> out;
    for (ApplicationState state : kAllApplicationStates) out[state] = 0;
    Poco::Data::Session s = ctx_.db.session();
    Poco::Data::Statement st(s);
    st << "SELECT state, COUNT(*) FROM verification_applications GROUP BY state";
    st.execute();
    Poco::Data::RecordSet rs(st);
    for (std::size_t r = 0; r < rs.rowCount(); ++r)
        if (auto state = applicationStateFromString(rs.value(0, r).convert<std::string>()))
            out[*state] = rs.value(1, r).convert<Poco::Int64>();
    return out;
}

}  // namespace tessera::core
