#pragma once
// One row of terms_documents as read by both terms stores (published versions for citizens,
// all versions for administrators).
#include <Poco/Data/RecordSet.h>

#include <cstddef>
#include <optional>

#include "core/terms/TermsDocument.h"

namespace tessera::core {

// The columns, in the order termsDocumentFromRow reads them.
inline constexpr const char* kTermsColumns =
    "id, kind, language, version, title, body, summary_of_changes, effective_at, created_at";

// nullopt for a row of a kind this build does not know (written by a newer release): skipped.
std::optional<TermsDocument> termsDocumentFromRow(const Poco::Data::RecordSet& rs, std::size_t row);

}  // namespace tessera::core
