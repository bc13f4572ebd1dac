#pragma once
// How the verification API shows things: the citizen's register checks and application, and
// the reviewer's queue and cases. Times are ISO 8601 (UTC) strings as elsewhere in the API;
// absent values are null rather than missing, so clients see one shape.
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/assurance/Evidence.h"
#include "core/review/CaseDetail.h"
#include "core/review/ReviewQueue.h"
#include "core/verification/ApplicationService.h"
#include "core/verification/IdentityChecks.h"

namespace tessera::web::verification {

// ISO 8601 for a Unix time; null for 0 (not happened).
Poco::Dynamic::Var timeOrNull(std::int64_t unixSeconds);
// null for an empty string.
Poco::Dynamic::Var textOrNull(const std::string& text);

// {outcome, fields[{field, matched}], questions[], loa, attemptsLeft}
Poco::JSON::Object checkOutcomeJson(const core::CheckOutcome& outcome);
// {id, kind, verifiedAt, expiresAt}: never the register reference or details.
Poco::JSON::Object evidenceJson(const core::Evidence& e);
// {id, slot, contentType, byteSize, width, height, durationMs, uploadedAt}
Poco::JSON::Object mediaJson(const core::MediaItem& m);
// The citizen's view of an application: state, decision, document, media and what is missing.
Poco::JSON::Object applicationStatusJson(const core::ApplicationStatus& status);
// A one-line summary of an application (the verification overview).
Poco::JSON::Object applicationSummaryJson(const core::VerificationApplication& a, const std::string& reasonText);

// A queue row: no personal data.
Poco::JSON::Object queueItemJson(const core::QueueItem& item);
// The reviewer's case. `mediaUrl` gives each media item's link (and its expiry), or nullopt
// when the viewer may not open it.
struct MediaLink {
    std::string url;
    std::int64_t expiresAt = 0;
};
Poco::JSON::Object caseJson(const core::CaseView& view,
                            const std::function<std::optional<MediaLink>(const core::MediaItem&)>& mediaUrl);

}  // namespace tessera::web::verification
