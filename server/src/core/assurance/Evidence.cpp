#include "core/assurance/Evidence.h"

#include <array>
#include <utility>

namespace tessera::core {

namespace {

constexpr std::array<std::pair<EvidenceKind, std::string_view>, 6> kKinds{{
    {EvidenceKind::VitalRecord, "vital_record"},
    {EvidenceKind::Address, "address"},
    {EvidenceKind::KnownFact, "known_fact"},
    {EvidenceKind::PhotoReview, "photo_review"},
    {EvidenceKind::DocumentReview, "document_review"},
    {EvidenceKind::AdminOverride, "admin_override"},
}};

}  // namespace

std::string_view toString(EvidenceKind k) {
    for (const auto& [value, name] : kKinds)
        if (value == k) return name;
    return "vital_record";
}

std::optional<EvidenceKind> evidenceKindFrom(std::string_view name) {
    for (const auto& [value, n] : kKinds)
        if (n == name) return value;
    return std::nullopt;
}

}  // namespace tessera::core
