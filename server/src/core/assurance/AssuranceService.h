#pragma once
// An account's level of assurance, derived from its evidence by the AssurancePolicy and cached
// in accounts.loa. Adding or revoking evidence recomputes the level inside the caller's
// transaction, so the evidence, the level and the audit entry ("assurance.level_changed"
// {from, to}) commit together. The only way to set a level by hand is the admin override,
// itself a piece of evidence (audited "assurance.override"). Evidence that lapses (a document
// past its expiry and grace, a register match past its validity) stops counting when the
// sweep marks it, and the level falls with it.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/assurance/AssurancePolicy.h"
#include "core/assurance/Evidence.h"
#include "core/assurance/EvidenceStore.h"
#include "core/assurance/PersonLinks.h"
#include "core/services/Actor.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct LevelChange {
    Loa from = Loa::Loa0;
    Loa to = Loa::Loa0;
    bool changed() const { return from != to; }
};

class AssuranceService {
public:
    AssuranceService(Context& ctx, const AssurancePolicy& policy);

    const AssurancePolicy& policy() const { return policy_; }
    EvidenceStore& evidence() { return evidence_; }
    PersonLinks& personLinks() { return links_; }

    // In the caller's transaction: records `e` (id and verifiedAt filled in when empty) and
    // recomputes the account's level. `actor`: the account or "system" that caused it.
    Result<LevelChange> addEvidence(Poco::Data::Session& s, Evidence& e, const std::string& actor);
    // Recomputes accounts.loa from the evidence active now; audits a change. NotFound
    // "account_not_found".
    Result<LevelChange> recompute(Poco::Data::Session& s, const std::string& accountId, const std::string& actor);
    // Revokes one piece of the account's evidence and recomputes. NotFound "evidence_not_found"
    // (unknown, another account's, or already revoked).
    Result<LevelChange> revokeEvidence(Poco::Data::Session& s, const std::string& accountId,
                                       const std::string& evidenceId, const std::string& reason,
                                       const std::string& actor);

    // Administrators only (Forbidden "role_required"); a reason is required (Invalid field
    // "reason"). Setting replaces any earlier override; clearing revokes it (NotFound
    // "override_not_found" when there is none). Both audited "assurance.override".
    Result<LevelChange> setOverride(const std::string& accountId, Loa level, const std::string& reason,
                                    const Actor& admin);
    Result<LevelChange> clearOverride(const std::string& accountId, const std::string& reason, const Actor& admin);

    // The level the account's evidence gives now (what accounts.loa holds once swept).
    Loa levelOf(const std::string& accountId);
    std::vector<Evidence> activeEvidence(const std::string& accountId);
    // What the citizen still needs for `target`: one list of evidence kinds per way there.
    std::vector<std::vector<EvidenceKind>> nextSteps(const std::string& accountId, Loa target);

    struct SweepResult {
        std::size_t lapsed = 0;           // evidence marked expired
        std::size_t accountsChanged = 0;  // accounts whose level moved
    };
    // Marks evidence lapsed by `now` (revoked_reason "expired") and recomputes the accounts
    // that held it, in batches. Safe to run from several processes at once.
    Result<SweepResult> sweepExpired(std::int64_t now);

private:
    Result<LevelChange> changeOverride(const std::string& accountId, std::optional<Loa> level,
                                       const std::string& reason, const Actor& admin);

    Context& ctx_;
    const AssurancePolicy& policy_;
    EvidenceStore evidence_;
    PersonLinks links_;
};

}  // namespace tessera::core
