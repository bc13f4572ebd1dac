#pragma once
// What the "Prove who you are" pages (/account/verify/...) share: the signed-in citizen with
// the verification parts of this server, the core services they call, the return path that
// arrives from a service's step-up page (?next=) and is carried through every step, dates
// typed in three parts, and how evidence, applications and uploads read in words.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/Account.h"
#include "core/assurance/Evidence.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationService.h"
#include "core/verification/IdentityChecks.h"
#include "core/verification/RegisterCheckLog.h"
#include "core/verification/VerificationParts.h"
#include "web/Authentication.h"
#include "web/portal/Form.h"
#include "web/portal/FormView.h"
#include "web/portal/Messages.h"
#include "web/portal/Page.h"
#include "web/portal/PageData.h"

namespace tessera::web::portal::verifypages {

// The message section of these pages: "verify.<page>.<key>", refusals "verify.errors.<field>.<code>".
inline constexpr const char* kSection = "verify";

// The signed-in citizen on a server where verification is set up.
struct Citizen {
    CurrentSession session;
    core::Actor actor;
    core::VerificationParts& parts;
    const std::string& accountId() const { return actor.accountId; }
};

// The citizen, or nullopt after a redirect to sign in (and back) or a 503 page when this
// server has no registers configured.
std::optional<Citizen> requireCitizen(Page& page);

core::IdentityChecks identityChecks(Page& page, Citizen& citizen);
core::ApplicationService applications(Page& page, Citizen& citizen);
// The citizen's account as stored (throws if it cannot be read: the session names it).
core::Account accountOf(Page& page, const Citizen& citizen);
// Whether the account holds a live vital-records match (the address and known-fact checks,
// and so the application, need it first).
bool identityMatched(Page& page, Citizen& citizen);

// `path` with the step-up return path (?next=) the page arrived with, if any.
std::string withReturn(Page& page, const std::string& path, const FormFields* posted = nullptr);
// Sets "next" (the hidden field of partials/next) and "returnLink" (the way back to the
// service, shown once the citizen is done) from the page's return path.
void keepReturn(Page& page, const FormFields* posted = nullptr);
// After a successful step: the overview with "verify.saved.<what>" as a banner.
void redirectToOverview(Page& page, const std::string& saved, const FormFields* posted = nullptr);

// --- dates typed in three parts (the govuk date input) ---

struct DateParts {
    std::string day, month, year;
};
DateParts datePartsOf(const std::string& isoDate);
DateParts postedDateParts(const FormFields& posted, const std::string& field);
// "YYYY-MM-DD" from the parts, or nullopt with "verify.errors.<field>.required|invalid_date" on
// the form. Whether the date is real and in range is the core's to say.
std::optional<std::string> isoDateFrom(const DateParts& parts, FormView& form, const std::string& field);
// The parts for partials/date-input: ids "<field>", "<field>-month", "<field>-year".
// autocomplete: "bday" for a date of birth (bday-day, ...), or "" for none.
PageData datePartsData(const Translator& t, const std::string& field, const DateParts& parts,
                       const std::string& autocomplete);

// "Hamish Iain Stewart" -> {"Hamish Iain", "Stewart"}: a prefill from the profile's one name.
std::pair<std::string, std::string> splitName(const std::string& fullName);

// Radios for the citizen's sex (female, male, unspecified), `chosen` checked.
PageData sexOptions(const Translator& t, const std::string& field, const std::string& chosen);

// --- the daily limit on register checks ---

// When the oldest counted check of this kind leaves the 24-hour window (the time the citizen
// may try again), or 0 when none is counted.
std::int64_t retryAt(Page& page, const std::string& accountId, core::CheckKind kind);
// The page saying every attempt of this kind is used up today, and when to try again
// (429 with Retry-After when `status` is 429).
void renderAttemptsExhausted(Page& page, const Citizen& citizen, core::CheckKind kind, int status);
// The page saying the account cannot be verified online and a person will look at it.
void renderPossibleDuplicate(Page& page, int status);

// --- words for what the core holds ---

// "JPEG photo, 1.2 MB" / "WebM video, 8 seconds, 2.4 MB".
std::string mediaText(const Translator& t, const core::MediaItem& item);
// The document number as a summary shows it: only its last 4 characters.
std::string lastFour(const std::string& number);
// The application's state as a tag: {text, tagClass}.
PageData stateTag(const Translator& t, ApplicationState state);
// The citizen's application while it is a draft they can still change, or nullopt after a
// redirect: to the documents page when they have none, to the overview once it is sent.
std::optional<core::ApplicationStatus> requireDraft(Page& page, Citizen& citizen, const FormFields* posted = nullptr);
// Where a draft application goes on: the first part still missing (the document, the photos,
// the video), else the page to check and send it.
std::string nextApplicationStep(const core::ApplicationStatus& status);
// The decision reason in the page's language ("verify.reasons.<code>"), else the core's words.
std::string reasonText(const Translator& t, const core::ApplicationStatus& status);

}  // namespace tessera::web::portal::verifypages
