#include "core/assurance/AssurancePolicy.h"

#include <algorithm>
#include <set>

namespace tessera::core {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    for (;;) {
        auto at = s.find(sep);
        parts.push_back(trim(s.substr(0, at)));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

Error invalid(std::string_view setting, const std::string& what) {
    return Error::invalid("assurance_policy_invalid", "Setting " + std::string(setting) + ": " + what);
}

constexpr std::string_view kRuleSettings[] = {"", "assurance.loa1", "assurance.loa2", "assurance.loa3"};
constexpr std::string_view kAcrSettings[] = {"assurance.acr_loa0", "assurance.acr_loa1", "assurance.acr_loa2",
                                             "assurance.acr_loa3"};

Result<std::vector<AssurancePolicy::Alternative>> parseRule(std::string_view text, int level) {
    const std::string_view setting = kRuleSettings[level];
    if (trim(text).empty())
        return invalid(setting, "the rule is empty; give the evidence kinds joined by + (for example "
                                "\"vital_record+address\").");
    std::vector<AssurancePolicy::Alternative> alternatives;
    for (std::string_view alt : split(text, '|')) {
        if (alt.empty()) return invalid(setting, "an alternative between | is empty.");
        AssurancePolicy::Alternative a;
        for (std::string_view term : split(alt, '+')) {
            if (term.empty()) return invalid(setting, "a term between + is empty.");
            if (auto loa = loaFromString(term)) {
                if (toInt(*loa) >= level)
                    return invalid(setting, "\"" + std::string(term) + "\" can only name a lower level than loa" +
                                                std::to_string(level) + ".");
                a.levels.push_back(*loa);
                continue;
            }
            auto kind = evidenceKindFrom(term);
            if (!kind)
                return invalid(setting, "\"" + std::string(term) +
                                            "\" is not a kind of evidence (vital_record, address, known_fact, "
                                            "photo_review, document_review) nor a lower level (loa0..loa" +
                                            std::to_string(level - 1) + ").");
            if (*kind == EvidenceKind::AdminOverride)
                return invalid(setting, "admin_override cannot be part of a rule: it sets a level by itself.");
            a.kinds.push_back(*kind);
        }
        alternatives.push_back(std::move(a));
    }
    return alternatives;
}

bool holds(const AssurancePolicy::Alternative& a, const std::set<EvidenceKind>& kinds,
           const std::array<bool, kLoaCount>& held) {
    for (EvidenceKind k : a.kinds)
        if (!kinds.count(k)) return false;
    for (Loa l : a.levels)
        if (!held[std::size_t(toInt(l))]) return false;
    return true;
}

int overrideLevel(const std::vector<Evidence>& active) {
    int level = 0;
    for (const auto& e : active)
        if (e.kind == EvidenceKind::AdminOverride) level = std::max(level, std::clamp(e.level, 0, kLoaCount - 1));
    return level;
}

// Which levels hold: lower levels first, since a rule names only lower levels.
std::array<bool, kLoaCount> heldLevels(const std::array<std::vector<AssurancePolicy::Alternative>, kLoaCount>& rules,
                                       const std::vector<Evidence>& active) {
    std::set<EvidenceKind> kinds;
    for (const auto& e : active) kinds.insert(e.kind);
    const int override = overrideLevel(active);
    std::array<bool, kLoaCount> held{};
    for (int level = 0; level < kLoaCount; ++level) {
        bool ok = level == 0 || level <= override;
        for (const auto& alt : rules[std::size_t(level)]) ok = ok || holds(alt, kinds, held);
        held[std::size_t(level)] = ok;
    }
    return held;
}

void appendUnique(std::vector<EvidenceKind>& into, const std::vector<EvidenceKind>& more) {
    for (EvidenceKind k : more)
        if (std::find(into.begin(), into.end(), k) == into.end()) into.push_back(k);
}

}  // namespace

AssurancePolicy::AssurancePolicy() {
    auto defaults = parse({"vital_record+address", "loa1+known_fact|loa1+photo_review", "loa1+document_review"},
                          {std::string(defaultAcr(Loa::Loa0)), std::string(defaultAcr(Loa::Loa1)),
                           std::string(defaultAcr(Loa::Loa2)), std::string(defaultAcr(Loa::Loa3))});
    *this = std::move(defaults).value();
}

Result<AssurancePolicy> AssurancePolicy::fromSettings(const infra::Settings& s) {
    return parse({s.assuranceLoa1, s.assuranceLoa2, s.assuranceLoa3}, {s.acrLoa0, s.acrLoa1, s.acrLoa2, s.acrLoa3});
}

Result<AssurancePolicy> AssurancePolicy::parse(const std::array<std::string, 3>& rules,
                                               const std::array<std::string, 4>& acrs) {
    AssurancePolicy p(Private{});
    for (int level = 1; level < kLoaCount; ++level) {
        auto rule = parseRule(rules[std::size_t(level - 1)], level);
        if (!rule) return rule.error();
        p.rules_[std::size_t(level)] = std::move(rule).value();
    }
    for (std::size_t i = 0; i < acrs.size(); ++i) {
        if (trim(acrs[i]).empty()) return invalid(kAcrSettings[i], "the acr value is empty.");
        for (std::size_t j = 0; j < i; ++j)
            if (acrs[j] == acrs[i])
                return invalid(kAcrSettings[i], "the acr value \"" + acrs[i] + "\" is also the value of " +
                                                    std::string(kAcrSettings[j]) + "; each level needs its own.");
        p.acrs_[i] = acrs[i];
    }
    return p;
}

Loa AssurancePolicy::levelFor(const std::vector<Evidence>& active) const {
    const auto held = heldLevels(rules_, active);
    for (int level = kLoaCount - 1; level > 0; --level)
        if (held[std::size_t(level)]) return *loaFromInt(level);
    return Loa::Loa0;
}

Loa AssurancePolicy::levelAt(const std::vector<Evidence>& evidence, std::int64_t now) const {
    std::vector<Evidence> active;
    for (const auto& e : evidence)
        if (e.activeAt(now)) active.push_back(e);
    return levelFor(active);
}

std::vector<std::vector<EvidenceKind>> AssurancePolicy::missingFor(Loa target,
                                                                   const std::vector<Evidence>& active) const {
    const auto held = heldLevels(rules_, active);
    if (held[std::size_t(toInt(target))]) return {};
    std::set<EvidenceKind> kinds;
    for (const auto& e : active) kinds.insert(e.kind);

    // The shortest list of missing kinds for each level, lower levels first.
    std::array<std::vector<EvidenceKind>, kLoaCount> shortest{};
    std::array<std::vector<std::vector<EvidenceKind>>, kLoaCount> ways{};
    for (int level = 1; level <= toInt(target); ++level) {
        if (held[std::size_t(level)]) continue;
        for (const auto& alt : rules_[std::size_t(level)]) {
            std::vector<EvidenceKind> missing;
            for (Loa l : alt.levels)
                if (!held[std::size_t(toInt(l))]) appendUnique(missing, shortest[std::size_t(toInt(l))]);
            for (EvidenceKind k : alt.kinds)
                if (!kinds.count(k)) appendUnique(missing, {k});
            auto& w = ways[std::size_t(level)];
            if (std::find(w.begin(), w.end(), missing) == w.end()) w.push_back(std::move(missing));
        }
        const auto& w = ways[std::size_t(level)];
        shortest[std::size_t(level)] =
            *std::min_element(w.begin(), w.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    }
    return ways[std::size_t(toInt(target))];
}

std::optional<Loa> AssurancePolicy::loaForAcr(std::string_view acr) const {
    for (Loa l : kAllLoas)
        if (acrs_[std::size_t(toInt(l))] == acr) return l;
    return std::nullopt;
}

}  // namespace tessera::core
