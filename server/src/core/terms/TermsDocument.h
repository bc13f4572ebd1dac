#pragma once
// A versioned legal document the citizen accepts: the terms of service, the privacy policy
// and the data-collection policy. A version is in force from its effective time until a
// higher version of the same kind takes effect; each version may be translated, and all
// translations of a version share its number and effective time.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::core {

enum class TermsKind { TermsOfService, PrivacyPolicy, DataCollection };

inline constexpr std::array<TermsKind, 3> kAllTermsKinds{TermsKind::TermsOfService, TermsKind::PrivacyPolicy,
                                                        TermsKind::DataCollection};

// "terms_of_service", "privacy_policy", "data_collection" (as stored and shown by the API).
std::string toString(TermsKind kind);
std::optional<TermsKind> termsKindFrom(std::string_view name);

struct TermsDocument {
    std::string id;
    TermsKind kind = TermsKind::TermsOfService;
    std::string language = "en";
    std::int64_t version = 1;
    std::string title;
    std::string body;
    std::string summaryOfChanges;
    std::int64_t effectiveAt = 0;
    std::int64_t createdAt = 0;
};

}  // namespace tessera::core
