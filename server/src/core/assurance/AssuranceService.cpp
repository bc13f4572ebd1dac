#include "core/assurance/AssuranceService.h"

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>

#include <set>
#include <sstream>

#include "core/services/Roles.h"
#include "infra/Random.h"
#include "tessera/shared/Utf8.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

constexpr std::size_t kSweepBatch = 200;
constexpr std::size_t kMaxReasonLength = 500;

Status writeLevel(Context& ctx, Poco::Data::Session& s, const std::string& accountId, Loa level) {
    std::string id = accountId;
    Poco::Int64 loa = toInt(level), at = ctx.clock.now();
    // Bumping the version makes a profile edit that read the old level re-read before saving,
    // so it cannot write the old level back.
    Poco::Data::Statement st(s);
    st << ctx.db.sql("UPDATE accounts SET loa = ?, updated_at = ?, version = version + 1 WHERE id = ?"), use(loa),
        use(at), use(id);
    if (st.execute() != 1) return Error::notFound("account_not_found", "There is no such account.");
    return {};
}

std::string overrideDetails(const std::string& reason) {
    Poco::JSON::Object o;
    o.set("reason", reason);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

}  // namespace

AssuranceService::AssuranceService(Context& ctx, const AssurancePolicy& policy)
    : ctx_(ctx), policy_(policy), evidence_(ctx.db, ctx.dataKey), links_(ctx.db, ctx.dataKey) {}

Result<LevelChange> AssuranceService::addEvidence(Poco::Data::Session& s, Evidence& e, const std::string& actor) {
    if (e.id.empty()) e.id = infra::random::id();
    if (e.verifiedAt == 0) e.verifiedAt = ctx_.clock.now();
    if (Status st = evidence_.insert(s, e); !st) return st.error();
    return recompute(s, e.accountId, actor);
}

Result<LevelChange> AssuranceService::recompute(Poco::Data::Session& s, const std::string& accountId,
                                                const std::string& actor) {
    auto account = ctx_.accounts.findById(s, accountId);
    if (!account) return Error::notFound("account_not_found", "There is no such account.");
    LevelChange change;
    change.from = loaFromInt(account->loa).value_or(Loa::Loa0);
    change.to = policy_.levelFor(evidence_.activeFor(s, accountId, ctx_.clock.now()));
    if (!change.changed()) return change;
    if (Status st = writeLevel(ctx_, s, accountId, change.to); !st) return st.error();
    AuditEvent audit;
    audit.event = "assurance.level_changed";
    audit.actor = actor;
    audit.subject = accountId;
    audit.details = {{"from", std::string(toString(change.from))}, {"to", std::string(toString(change.to))}};
    if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
    return change;
}

Result<LevelChange> AssuranceService::revokeEvidence(Poco::Data::Session& s, const std::string& accountId,
                                                     const std::string& evidenceId, const std::string& reason,
                                                     const std::string& actor) {
    auto found = evidence_.find(s, evidenceId);
    if (!found || found->accountId != accountId || !evidence_.revoke(s, evidenceId, ctx_.clock.now(), reason))
        return Error::notFound("evidence_not_found", "There is no such evidence on this account.");
    AuditEvent audit;
    audit.event = "assurance.evidence_revoked";
    audit.actor = actor;
    audit.subject = accountId;
    audit.details = {{"evidence", evidenceId}, {"kind", std::string(toString(found->kind))}, {"reason", reason}};
    if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
    return recompute(s, accountId, actor);
}

Result<LevelChange> AssuranceService::setOverride(const std::string& accountId, Loa level, const std::string& reason,
                                                  const Actor& admin) {
    return changeOverride(accountId, level, reason, admin);
}

Result<LevelChange> AssuranceService::clearOverride(const std::string& accountId, const std::string& reason,
                                                    const Actor& admin) {
    return changeOverride(accountId, std::nullopt, reason, admin);
}

Result<LevelChange> AssuranceService::changeOverride(const std::string& accountId, std::optional<Loa> level,
                                                     const std::string& reason, const Actor& admin) {
    if (!Roles(ctx_).has(admin.accountId, Role::Admin))
        return Error::forbidden("role_required", "Only an administrator can set a level of assurance by hand.");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return Error::field("reason", "required", "Say why the level is set by hand.");
    if (reason.size() > kMaxReasonLength || !utf8::isValid(reason))
        return Error::field("reason", "too_long", "Keep the reason under 500 characters.");
    return ctx_.db.transaction<LevelChange>([&](Poco::Data::Session& s) -> Result<LevelChange> {
        if (!ctx_.accounts.findById(s, accountId))
            return Error::notFound("account_not_found", "There is no such account.");
        const std::int64_t now = ctx_.clock.now();
        std::size_t revoked = 0;
        for (const auto& e : evidence_.activeFor(s, accountId, now))
            if (e.kind == EvidenceKind::AdminOverride && evidence_.revoke(s, e.id, now, level ? "replaced" : "cleared"))
                ++revoked;
        if (!level && revoked == 0)
            return Error::notFound("override_not_found", "This account's level is not set by hand.");
        if (level) {
            Evidence e;
            e.id = infra::random::id();
            e.accountId = accountId;
            e.kind = EvidenceKind::AdminOverride;
            e.level = toInt(*level);
            e.details = overrideDetails(reason);
            e.verifiedAt = now;
            if (Status st = evidence_.insert(s, e); !st) return st.error();
        }
        AuditEvent audit;
        audit.event = "assurance.override";
        audit.actor = admin.accountId;
        audit.subject = accountId;
        audit.clientAddress = admin.clientAddress;
        audit.details = {{"action", level ? "set" : "cleared"}, {"reason", reason}};
        if (level) audit.details["level"] = std::string(toString(*level));
        if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
        return recompute(s, accountId, admin.accountId);
    });
}

Loa AssuranceService::levelOf(const std::string& accountId) { return policy_.levelFor(activeEvidence(accountId)); }

std::vector<Evidence> AssuranceService::activeEvidence(const std::string& accountId) {
    Poco::Data::Session s = ctx_.db.session();
    return evidence_.activeFor(s, accountId, ctx_.clock.now());
}

std::vector<std::vector<EvidenceKind>> AssuranceService::nextSteps(const std::string& accountId, Loa target) {
    return policy_.missingFor(target, activeEvidence(accountId));
}

Result<AssuranceService::SweepResult> AssuranceService::sweepExpired(std::int64_t now) {
    SweepResult total;
    for (;;) {
        std::size_t fetched = 0;
        auto batch = ctx_.db.transaction<SweepResult>([&](Poco::Data::Session& s) -> Result<SweepResult> {
            SweepResult r;
            std::set<std::string> accounts;
            const auto lapsedRows = evidence_.lapsedBy(s, now, kSweepBatch);
            fetched = lapsedRows.size();
            for (const auto& lapsed : lapsedRows) {
                // Another process may have marked it first: then it recomputes that account.
                if (!evidence_.revoke(s, lapsed.id, now, "expired")) continue;
                ++r.lapsed;
                accounts.insert(lapsed.accountId);
            }
            for (const auto& accountId : accounts) {
                auto change = recompute(s, accountId, "system");
                if (!change) {
                    if (change.error().kind == ErrorKind::NotFound) continue;
                    return change.error();
                }
                if (change->changed()) ++r.accountsChanged;
            }
            return r;
        });
        if (!batch) return batch.error();
        total.lapsed += batch->lapsed;
        total.accountsChanged += batch->accountsChanged;
        if (fetched < kSweepBatch) return total;
    }
}

}  // namespace tessera::core
