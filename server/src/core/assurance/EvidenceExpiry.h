#pragma once
// When a new piece of evidence stops counting (0: never), from the settings:
//  - a register match lapses after assurance.register_evidence_days (0: never);
//  - a reviewer's approval lapses at the document's expiry date plus the grace
//    (assurance.document_grace_days), and after review_evidence_days at most.
#include <cstdint>
#include <string_view>

#include "infra/Settings.h"

namespace tessera::core {

std::int64_t registerEvidenceExpiry(const infra::Settings& settings, std::int64_t now);
// documentExpiry: "YYYY-MM-DD" (the end of that day, UTC, is when the document expires);
// empty or unreadable: only the review limit applies.
std::int64_t reviewEvidenceExpiry(const infra::Settings& settings, std::string_view documentExpiry, std::int64_t now);

}  // namespace tessera::core
