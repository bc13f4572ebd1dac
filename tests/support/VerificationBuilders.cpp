#include "support/VerificationBuilders.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <filesystem>
#include <stdexcept>

#include "core/assurance/AssuranceService.h"
#include "core/verification/ApplicationStore.h"
#include "infra/Digest.h"
#include "infra/Random.h"
#include "infra/registers/CsvRegister.h"
#include "support/MediaSamples.h"
#include "support/Paths.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/Mrz.h"

namespace tessera::test {

namespace {

template <class T>
T orThrow(Result<T> r, const std::string& what) {
    if (!r) throw std::runtime_error(what + ": " + r.error().message);
    return std::move(r).value();
}

std::unique_ptr<SwitchableRegister> switchable(infra::RegisterKind kind, const std::string& csv) {
    auto reg = orThrow(infra::CsvRegister::parse(kind, csv, "test " + std::string(infra::toString(kind))),
                       "test register");
    return std::make_unique<SwitchableRegister>(std::move(reg));
}

std::string csvField(const std::string& s) {
    return s.find(',') == std::string::npos ? s : "\"" + s + "\"";
}

}  // namespace

std::string TestPerson::passportCheckDigit() const {
    std::string field = passportNumber;
    field.resize(mrz::kPassportNumberLength, '<');
    auto d = mrz::checkDigit(field);
    return d ? std::string(1, char('0' + *d)) : std::string();
}

TestPerson moragCampbell() {
    TestPerson p;
    p.personRef = "PT-0001";
    p.givenNames = "Morag Elspeth";
    p.familyName = "Campbell";
    p.dateOfBirth = "1984-06-12";
    p.sex = "female";
    p.placeOfBirth = "Inverness";
    p.mothersMaidenName = "MacKinnon";
    p.address = {"12 Rose Street", "", "Edinburgh", "EH2 2PR"};
    p.uprn = "906700009001";
    p.councilTaxReference = "CT-EDN-9000-0001";
    p.passportNumber = "533401278";
    p.drivingLicenceNumber = "CAMPB856124ME9AB";
    p.documentExpiry = "2031-05-20";
    return p;
}

TestPerson williamFraser() {
    TestPerson p;
    p.personRef = "PT-0002";
    p.givenNames = "William Alexander";
    p.familyName = "Fraser";
    p.dateOfBirth = "1979-02-03";
    p.sex = "male";
    p.placeOfBirth = "Aberdeen";
    p.mothersMaidenName = "Ross";
    p.address = {"45 Great Western Road", "", "Glasgow", "G12 8HN"};
    p.uprn = "906700009002";
    p.councilTaxReference = "CT-GLA-9000-0002";
    p.passportNumber = "548102936";
    p.drivingLicenceNumber = "FRASE702039WA9CD";
    p.documentExpiry = "2030-02-02";
    return p;
}

TestPerson catrionaMacdonald() {
    TestPerson p;
    p.personRef = "PT-0003";
    p.givenNames = "C";
    p.familyName = "MacDonald";
    p.dateOfBirth = "1988-03-04";
    p.sex = "female";
    p.placeOfBirth = "Oban";
    p.mothersMaidenName = "Gillies";
    p.address = {"3 George Street", "", "Oban", "PA34 5NX"};
    p.uprn = "906700009003";
    p.councilTaxReference = "CT-OBN-9000-0003";
    p.passportNumber = "561234789";
    p.drivingLicenceNumber = "MCDON853048CA9EF";
    p.documentExpiry = "2032-01-31";
    return p;
}

std::string vitalRecordsCsv() {
    std::string csv = "person_ref,given_names,family_name,date_of_birth,sex,place_of_birth,mothers_maiden_name\n";
    for (const auto& p : {moragCampbell(), williamFraser()})
        csv += p.personRef + "," + p.givenNames + "," + p.familyName + "," + p.dateOfBirth + "," + p.sex + "," +
               p.placeOfBirth + "," + p.mothersMaidenName + "\n";
    const auto c = catrionaMacdonald();
    csv += c.personRef + ",Catriona Anne," + c.familyName + "," + c.dateOfBirth + "," + c.sex + "," + c.placeOfBirth +
           "," + c.mothersMaidenName + "\n";
    return csv;
}

std::string addressesCsv() {
    std::string csv = "uprn,line1,line2,town,postcode\n";
    for (const auto& p : {moragCampbell(), williamFraser(), catrionaMacdonald()})
        csv += p.uprn + "," + csvField(p.address.line1) + "," + csvField(p.address.line2) + "," + p.address.town + "," +
               p.address.postcode + "\n";
    return csv;
}

std::string knownFactsCsv() {
    std::string csv = "fact_type,reference,person_ref\n";
    for (const auto& p : {moragCampbell(), williamFraser(), catrionaMacdonald()})
        csv += "council_tax_reference," + p.councilTaxReference + "," + p.personRef + "\n";
    return csv;
}

std::string documentsCsv() {
    std::string csv = "document_type,number,given_names,family_name,date_of_birth,expiry_date,status\n";
    for (const auto& p : {moragCampbell(), williamFraser()}) {
        csv += "passport," + p.passportNumber + "," + p.givenNames + "," + p.familyName + "," + p.dateOfBirth + "," +
               p.documentExpiry + ",valid\n";
        csv += "driving_licence," + p.drivingLicenceNumber + "," + p.givenNames + "," + p.familyName + "," +
               p.dateOfBirth + "," + p.documentExpiry + ",valid\n";
    }
    const auto m = moragCampbell();
    csv += std::string("passport,") + kStolenPassportNumber + "," + m.givenNames + "," + m.familyName + "," +
           m.dateOfBirth + ",2030-01-01,stolen\n";
    return csv;
}

Result<std::vector<infra::RegisterRecord>> SwitchableRegister::lookup(std::string_view key) {
    ++lookups_;
    if (down_) return Error::unavailable("register_unavailable", "The " + name() + " register is not answering.");
    return inner_->lookup(key);
}

VerificationTestContext::VerificationTestContext(const std::string& backend) : auth_(backend) {
    auto vital = switchable(infra::RegisterKind::VitalRecords, vitalRecordsCsv());
    auto addresses = switchable(infra::RegisterKind::Addresses, addressesCsv());
    auto facts = switchable(infra::RegisterKind::KnownFacts, knownFactsCsv());
    auto documents = switchable(infra::RegisterKind::Documents, documentsCsv());
    vital_ = vital.get();
    addresses_ = addresses.get();
    facts_ = facts.get();
    documents_ = documents.get();
    auto variants = orThrow(core::NameVariants::load(resourcesDir() + "/registers/name-variants.csv"), "name variants");
    registers_ = std::make_unique<core::RegisterSet>(std::move(vital), std::move(addresses), std::move(facts),
                                                     std::move(documents), std::move(variants));
    blobs_ = std::make_unique<infra::BlobStore>(blobDir_.path() + "/blobs", ctx().dataKey);
}

std::size_t VerificationTestContext::blobFileCount() const {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(blobDir_.path(), ec))
        if (entry.is_regular_file()) ++n;
    return n;
}

core::VitalRecordClaim vitalRecordClaim(const TestPerson& p) {
    core::VitalRecordClaim c;
    c.givenNames = p.givenNames;
    c.familyName = p.familyName;
    c.dateOfBirth = *parseIsoDate(p.dateOfBirth);
    c.sex = *sexFromString(p.sex);
    return c;
}

core::AddressClaim addressClaim(const TestPerson& p) {
    return {p.address.line1, p.address.line2, p.address.town, p.address.postcode};
}

core::DocumentEntry passportEntry(const TestPerson& p) {
    core::DocumentEntry e;
    e.documentType = "passport";
    e.number = p.passportNumber;
    e.checkDigit = p.passportCheckDigit();
    e.issuingCountry = "GBR";
    e.givenNames = p.givenNames;
    e.familyName = p.familyName;
    e.dateOfBirth = p.dateOfBirth;
    e.expiryDate = p.documentExpiry;
    e.sex = p.sex;
    return e;
}

core::DocumentEntry drivingLicenceEntry(const TestPerson& p) {
    core::DocumentEntry e = passportEntry(p);
    e.documentType = "driving_licence";
    e.number = p.drivingLicenceNumber;
    e.checkDigit.clear();
    return e;
}

TestAccount makeCitizen(core::Context& ctx, const TestPerson& p, const std::string& email) {
    AccountSpec spec = activeWithTotp(email);
    spec.name = p.fullName();
    TestAccount account = makeAccount(ctx, spec);
    auto done = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        auto a = ctx.accounts.findById(s, account.id);
        if (!a) return Error::notFound("account_not_found", "gone");
        a->dateOfBirth = p.dateOfBirth;
        a->sex = p.sex;
        a->address = p.address;
        if (Status st = ctx.accounts.update(s, *a, ctx.clock.now()); !st) return st.error();
        return true;
    });
    orThrow(std::move(done), "citizen profile");
    return account;
}

std::string giveEvidence(core::Context& ctx, const core::AssurancePolicy& policy, const std::string& accountId,
                         core::EvidenceKind kind, std::int64_t expiresAt, const std::string& reference) {
    core::AssuranceService assurance(ctx, policy);
    core::Evidence e;
    e.accountId = accountId;
    e.kind = kind;
    e.reference = reference;
    e.details = R"({"matchedFields":[]})";
    e.expiresAt = expiresAt;
    auto done = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        auto changed = assurance.addEvidence(s, e, "system");
        if (!changed) return changed.error();
        return true;
    });
    orThrow(std::move(done), "evidence");
    return e.id;
}

TestAccount makeCitizenAtLoa1(VerificationTestContext& v, const TestPerson& p, const std::string& email) {
    TestAccount account = makeCitizen(v.ctx(), p, email);
    core::AssuranceService assurance(v.ctx(), v.policy());
    auto done = v.db().transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        if (Status st = assurance.personLinks().link(s, account.id, p.personRef, v.clock().now()); !st)
            return st.error();
        core::Evidence vital;
        vital.accountId = account.id;
        vital.kind = core::EvidenceKind::VitalRecord;
        vital.reference = assurance.personLinks().keyFor(p.personRef);
        vital.details = R"({"personRef":")" + p.personRef + R"(","matchedFields":[]})";
        if (auto r = assurance.addEvidence(s, vital, "system"); !r) return r.error();
        core::Evidence address;
        address.accountId = account.id;
        address.kind = core::EvidenceKind::Address;
        address.reference = p.uprn;
        if (auto r = assurance.addEvidence(s, address, "system"); !r) return r.error();
        return true;
    });
    orThrow(std::move(done), "LoA 1 evidence");
    return account;
}

int storedLoa(core::Context& ctx, const std::string& accountId) {
    auto a = ctx.accounts.findById(accountId);
    if (!a) throw std::runtime_error("no such account");
    return a->loa;
}

std::string samplePhoto() { return media::jpegPhoto(640, 480); }

std::string sampleVideo() { return media::webmVideo(); }

core::VerificationApplication makeApplication(core::Context& ctx, infra::BlobStore& blobs, const std::string& accountId,
                                              const ApplicationSpec& spec) {
    core::ApplicationStore store(ctx.db, ctx.dataKey);
    const TestPerson person = spec.person.value_or(moragCampbell());
    const std::int64_t created = spec.createdAt ? spec.createdAt : ctx.clock.now();
    const bool pastDraft = spec.state != ApplicationState::Draft;
    const std::int64_t submitted = pastDraft ? (spec.submittedAt ? spec.submittedAt : created) : 0;

    core::VerificationApplication a;
    a.id = infra::random::id();
    a.accountId = accountId;
    a.bundle = spec.bundle;
    a.targetLoa = spec.bundle == core::EvidenceBundle::DocumentVideo   ? 3
                  : spec.bundle == core::EvidenceBundle::DocumentPhoto ? 2
                                                                       : 1;
    a.state = spec.state;
    a.createdAt = created;
    a.submittedAt = submitted;
    a.updatedAt = submitted ? submitted : created;
    if (pastDraft)
        a.claims = R"({"name":")" + person.fullName() + R"(","dateOfBirth":")" + person.dateOfBirth + R"("})";
    if (spec.state == ApplicationState::InReview) {
        a.claimedBy = spec.claimedBy.empty() ? "reviewer-test" : spec.claimedBy;
        a.claimExpiresAt = ctx.clock.now() + ctx.settings.reviewClaimMinutes * 60;
    }
    if (spec.state == ApplicationState::Flagged) {
        a.flaggedBy = spec.flaggedBy.empty() ? "system" : spec.flaggedBy;
        a.flagReason = spec.flagReason;
        a.decisionReason = spec.flagReason;
    }
    if (isTerminal(spec.state)) {
        a.decidedAt = spec.decidedAt ? spec.decidedAt : (submitted ? submitted : created);
        a.decidedBy = "reviewer-test";
        if (spec.state == ApplicationState::Rejected) {
            a.decisionReason = "document_unreadable";
            a.decisionMessage = "The photo of your passport is too blurred to read.";
        }
    }

    std::vector<core::MediaItem> media;
    if (spec.withMedia) {
        const auto needed = spec.bundle == core::EvidenceBundle::DocumentVideo
                                ? std::vector<core::MediaSlot>{core::MediaSlot::DocumentFront,
                                                               core::MediaSlot::DocumentBack,
                                                               core::MediaSlot::SelfieVideo}
                            : spec.bundle == core::EvidenceBundle::DocumentPhoto
                                ? std::vector<core::MediaSlot>{core::MediaSlot::DocumentFront,
                                                               core::MediaSlot::DocumentBack}
                                : std::vector<core::MediaSlot>{};
        for (core::MediaSlot slot : needed) {
            core::MediaItem m;
            m.id = infra::random::id();
            m.applicationId = a.id;
            m.slot = slot;
            const bool video = slot == core::MediaSlot::SelfieVideo;
            const std::string bytes = video ? sampleVideo() : samplePhoto();
            m.contentType = video ? "video/webm" : "image/jpeg";
            m.byteSize = std::int64_t(bytes.size());
            m.width = 640;
            m.height = 480;
            m.durationMs = video ? 5000 : 0;
            m.sha256 = infra::digest::sha256Hex(bytes);
            m.blobId = orThrow(blobs.put(bytes, m.id), "media blob");
            m.uploadedBy = spec.uploadedBy.empty() ? accountId : spec.uploadedBy;
            m.uploadedAt = created;
            media.push_back(std::move(m));
        }
    }

    auto done = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        if (Status st = store.insert(s, a); !st) return st.error();
        if (spec.withDocument) {
            core::IdentityDocument d;
            d.applicationId = a.id;
            d.documentType = "passport";
            d.number = person.passportNumber;
            d.issuingCountry = "GBR";
            d.givenNames = person.givenNames;
            d.familyName = person.familyName;
            d.dateOfBirth = person.dateOfBirth;
            d.expiryDate = person.documentExpiry;
            d.registerResult =
                R"({"status":"valid","fields":[{"field":"documentNumber","matched":true},{"field":"familyName","matched":true}]})";
            d.updatedAt = created;
            if (Status st = store.putDocument(s, d); !st) return st.error();
        }
        for (const auto& m : media)
            if (auto r = store.putMedia(s, m); !r) return r.error();
        auto event = [&](const std::string& name, std::string from, std::string to, std::int64_t at,
                         const std::string& actor) -> Status {
            core::CaseEvent e;
            e.applicationId = a.id;
            e.at = at;
            e.actor = actor;
            e.event = name;
            e.fromState = std::move(from);
            e.toState = std::move(to);
            return store.appendEvent(s, e);
        };
        if (Status st = event("created", "", "draft", created, accountId); !st) return st.error();
        if (pastDraft) {
            if (Status st = event("submitted", "draft", "submitted", submitted, accountId); !st) return st.error();
            if (spec.state != ApplicationState::Submitted) {
                const std::string name = spec.state == ApplicationState::InReview ? "claimed"
                                                                                   : std::string(toString(spec.state));
                if (Status st = event(name, "submitted", std::string(toString(spec.state)), a.updatedAt,
                                      a.claimedBy.empty() ? "reviewer-test" : a.claimedBy);
                    !st)
                    return st.error();
            }
        }
        return true;
    });
    orThrow(std::move(done), "application");
    return a;
}

core::VerificationApplication makeApplication(VerificationTestContext& v, const std::string& accountId,
                                              const ApplicationSpec& spec) {
    return makeApplication(v.ctx(), v.blobs(), accountId, spec);
}

}  // namespace tessera::test
