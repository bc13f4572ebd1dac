#pragma once
// One piece of identity evidence an account holds. An account's level of assurance is never
// stored by hand: it is derived from its evidence that is neither revoked nor expired, by the
// rules of core/assurance/AssurancePolicy.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::core {

enum class EvidenceKind {
    VitalRecord,     // name, date of birth and sex matched the vital-records register
    Address,         // address matched the address register (UPRN)
    KnownFact,       // a known fact (council tax reference, ...) matched its register
    PhotoReview,     // a reviewer approved photographic evidence (document photos)
    DocumentReview,  // a reviewer approved document evidence and a selfie video
    AdminOverride    // an administrator set a level by hand (audited, with a reason)
};
std::string_view toString(EvidenceKind k);  // "vital_record", "address", "known_fact", "photo_review",
                                             // "document_review", "admin_override"
std::optional<EvidenceKind> evidenceKindFrom(std::string_view name);

struct Evidence {
    std::string id;
    std::string accountId;
    EvidenceKind kind = EvidenceKind::VitalRecord;
    std::string reference;  // register record reference (UPRN, fact type) or application id
    int level = 0;          // AdminOverride: the level set
    std::string details;    // JSON, plain here (sealed at rest): matched field names, reasons
    std::int64_t verifiedAt = 0;
    std::int64_t expiresAt = 0;  // 0: does not expire
    std::int64_t revokedAt = 0;
    std::string revokedReason;

    bool activeAt(std::int64_t now) const { return revokedAt == 0 && (expiresAt == 0 || now < expiresAt); }
};

}  // namespace tessera::core
