#include "web/DemoDataIdentities.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include "core/assurance/AssuranceService.h"
#include "core/verification/ApplicationService.h"
#include "core/verification/IdentityChecks.h"
#include "core/verification/VerificationParts.h"
#include "tessera/shared/CalendarDate.h"
#include "web/DemoDataMedia.h"

namespace tessera::web::demo {

namespace {

// What the citizen would type on the verification pages, matching the sample registers.
struct DemoIdentity {
    std::string email;
    std::string givenNames, familyName, dateOfBirth;
    Sex sex = Sex::Female;
    core::AddressClaim address;
    std::string councilTaxReference;           // empty: not checked
    std::optional<core::DocumentEntry> document;  // a document_photo application for review
    int hue = 0;                               // of the document's pictures
};

core::DocumentEntry document(std::string type, std::string number, std::string checkDigit, std::string givenNames,
                             std::string familyName, std::string dateOfBirth, std::string expiry, std::string sex) {
    core::DocumentEntry d;
    d.documentType = std::move(type);
    d.number = std::move(number);
    d.checkDigit = std::move(checkDigit);
    d.issuingCountry = "GBR";
    d.givenNames = std::move(givenNames);
    d.familyName = std::move(familyName);
    d.dateOfBirth = std::move(dateOfBirth);
    d.expiryDate = std::move(expiry);
    d.sex = std::move(sex);
    return d;
}

const std::vector<DemoIdentity>& demoIdentities() {
    static const std::vector<DemoIdentity> identities = {
        {"catriona@demo.tessera.localhost", "Catriona Anne", "Drummond", "1986-04-09", Sex::Female,
         {"21 Perth Road", "", "Dundee", "DD1 4JT"}, "CT-DUN-4000-0501", std::nullopt, 0},
        {"eilidh@demo.tessera.localhost", "Eilidh Mairi", "MacLeod", "1990-11-23", Sex::Female,
         {"7 Bayhead", "", "Stornoway", "HS1 2DU"}, "",
         document("driving_licence", "MCLEO961230EM9EF", "", "Eilidh Mairi", "MacLeod", "1990-11-23", "2033-11-22",
                  "female"),
         200},
        {"sean@demo.tessera.localhost", "Seán Patrick", "O'Brien", "1988-03-17", Sex::Male,
         {"101 Byres Road", "", "Glasgow", "G12 8TT"}, "",
         document("passport", "529874106", "4", "Seán Patrick", "O'Brien", "1988-03-17", "2027-01-31", "male"), 340},
    };
    return identities;
}

template <class T>
Status statusOf(const Result<T>& r) {
    return r ? Status{} : Status{r.error()};
}

std::string failed(const DemoIdentity& d, const std::string& step, const std::string& why) {
    return d.email + ": " + step + " not done (" + why + ")";
}

// The register checks still missing; false (with a note) when one does not match.
bool matchRegisters(Services& services, core::VerificationParts& parts, const core::Actor& citizen,
                    const DemoIdentity& d, std::vector<std::string>& notes) {
    std::set<core::EvidenceKind> held;
    for (const auto& e : core::AssuranceService(services, parts.policy).activeEvidence(citizen.accountId))
        held.insert(e.kind);
    core::IdentityChecks checks(services, *parts.registers, parts.policy);
    auto matched = [&](const std::string& step, const Result<core::CheckOutcome>& r) {
        if (!r) notes.push_back(failed(d, step, r.error().message));
        else if (r->outcome != core::MatchOutcome::Matched)
            notes.push_back(failed(d, step, "the register answered " + std::string(core::toString(r->outcome))));
        return r && r->outcome == core::MatchOutcome::Matched;
    };
    if (!held.count(core::EvidenceKind::VitalRecord)) {
        core::VitalRecordClaim claim;
        claim.givenNames = d.givenNames;
        claim.familyName = d.familyName;
        claim.dateOfBirth = parseIsoDate(d.dateOfBirth).value_or(CalendarDate{});
        claim.sex = d.sex;
        if (!matched("vital-records match", checks.matchIdentity(citizen, claim))) return false;
    }
    if (!held.count(core::EvidenceKind::Address) && !matched("address match", checks.matchAddress(citizen, d.address)))
        return false;
    if (!d.councilTaxReference.empty() && !held.count(core::EvidenceKind::KnownFact) &&
        !matched("council tax reference", checks.checkKnownFact(citizen, "council_tax_reference", d.councilTaxReference)))
        return false;
    return true;
}

// The configured demo selfie video's bytes; empty when none is configured or it cannot be read
// (with a note: the demo then has photo applications only).
std::string readVideo(const std::string& path, std::vector<std::string>& notes) {
    if (path.empty()) return {};
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) bytes.clear();
    if (bytes.empty()) notes.push_back("demo.selfie_video: " + path + " cannot be read; the demo applications have no video");
    return bytes;
}

// Starts (or carries on with a draft of) the application and submits it; an application past
// its draft is left as it is.
void submitApplication(Services& services, core::VerificationParts& parts, const core::Actor& citizen,
                       const DemoIdentity& d, std::vector<std::string>& notes) {
    core::ApplicationService applications(services, *parts.registers, *parts.blobs, parts.policy);
    const auto current = applications.current(citizen.accountId);
    if (current && current->state != ApplicationState::Draft) return;
    auto step = [&](const std::string& name, const Status& s) {
        if (!s) notes.push_back(failed(d, name, s.error().message));
        return bool(s);
    };
    // With a selfie video configured, the application is the LoA 3 kind a reviewer plays.
    const std::string video = readVideo(services.settings.demoSelfieVideo, notes);
    const auto bundle = video.empty() ? core::EvidenceBundle::DocumentPhoto : core::EvidenceBundle::DocumentVideo;
    if (!current && !step("application", statusOf(applications.start(citizen, bundle)))) return;
    if (!step("document details", statusOf(applications.setDocument(citizen, *d.document)))) return;
    for (auto [slot, side] : {std::pair{core::MediaSlot::DocumentFront, CardSide::Front},
                              std::pair{core::MediaSlot::DocumentBack, CardSide::Back}}) {
        auto photo = documentPhoto(side, d.hue);
        if (!step("document photo", statusOf(photo))) return;
        if (!step("document photo", statusOf(applications.putMedia(citizen, slot, *photo, "image/jpeg", citizen.accountId))))
            return;
    }
    if (!video.empty() &&
        !step("selfie video", statusOf(applications.putMedia(citizen, core::MediaSlot::SelfieVideo, video, "video/webm",
                                                             citizen.accountId))))
        return;
    step("submission", statusOf(applications.submit(citizen)));
}

}  // namespace

Result<std::vector<std::string>> seedDemoIdentities(Services& services) {
    std::vector<std::string> notes;
    if (!services.verification) return notes;
    auto& parts = *services.verification;
    for (const auto& d : demoIdentities()) {
        const auto account = services.accounts.findByEmail(d.email);
        if (!account) return Error::internal("The demo account " + d.email + " is missing.");
        const core::Actor citizen{account->id, ""};
        if (!matchRegisters(services, parts, citizen, d, notes)) continue;
        if (d.document) submitApplication(services, parts, citizen, d, notes);
    }
    return notes;
}

}  // namespace tessera::web::demo
