#pragma once
// Which evidence makes which level of assurance (DESIGN.md "Levels of assurance"), read from
// configuration. Each level's rule is alternatives separated by "|", each a set of evidence
// kinds joined by "+"; "loaN" stands for a lower level's rule. Defaults:
//   loa1 = "vital_record+address"
//   loa2 = "loa1+known_fact|loa1+photo_review"
//   loa3 = "loa1+document_review"
// LoA 0 always holds. An admin override is not part of a rule: it raises the account to at
// least the level it names. Every level has an acr value for OpenID Connect, all distinct.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assurance/Evidence.h"
#include "infra/Settings.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class AssurancePolicy {
public:
    // One way to reach a level: every kind in `kinds`, and every level in `levels` held.
    struct Alternative {
        std::vector<EvidenceKind> kinds;
        std::vector<Loa> levels;
    };

    // The defaults of DESIGN.md.
    AssurancePolicy();
    // From settings.assuranceLoa1..3 and settings.acrLoa0..3; Invalid "assurance_policy_invalid"
    // naming the setting and what is wrong with it.
    static Result<AssurancePolicy> fromSettings(const infra::Settings& settings);
    // rules: LoA 1, 2, 3; acrs: LoA 0..3.
    static Result<AssurancePolicy> parse(const std::array<std::string, 3>& rules,
                                         const std::array<std::string, 4>& acrs);

    // The highest level whose rule holds with this evidence (the caller passes the active
    // evidence only), raised to an admin override's level when there is one.
    Loa levelFor(const std::vector<Evidence>& active) const;
    // The same, keeping only the evidence active at `now`.
    Loa levelAt(const std::vector<Evidence>& evidence, std::int64_t now) const;

    // What would reach `target` from this evidence: for each way of reaching it, the kinds of
    // evidence still missing (lower levels expanded to their shortest way). Empty when the
    // level is already held.
    std::vector<std::vector<EvidenceKind>> missingFor(Loa target, const std::vector<Evidence>& active) const;

    const std::string& acrFor(Loa loa) const { return acrs_[std::size_t(toInt(loa))]; }
    std::optional<Loa> loaForAcr(std::string_view acr) const;
    const std::vector<Alternative>& ruleFor(Loa loa) const { return rules_[std::size_t(toInt(loa))]; }

private:
    struct Private {};
    explicit AssurancePolicy(Private) {}

    std::array<std::vector<Alternative>, kLoaCount> rules_;  // [0] unused: LoA 0 always holds
    std::array<std::string, kLoaCount> acrs_;
};

}  // namespace tessera::core
