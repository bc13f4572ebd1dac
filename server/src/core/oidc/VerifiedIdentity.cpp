#include "core/oidc/VerifiedIdentity.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "core/assurance/EvidenceStore.h"
#include "core/oidc/CitizenClaims.h"
#include "core/oidc/IdentityAssurance.h"
#include "core/verification/ApplicationStore.h"
#include "core/verification/VerificationParts.h"
#include "infra/registers/RegisterKey.h"
#include "tessera/shared/CalendarDate.h"

namespace tessera::core::oidc {

namespace {

namespace column = infra::column;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string field(const infra::RegisterRecord& row, std::string_view name) {
    auto it = row.find(std::string(name));
    return it == row.end() ? std::string() : it->second;
}

Object::Ptr checked(const std::string& method, std::int64_t at) {
    Object::Ptr o = new Object;
    o->set("check_method", method);
    o->set("time", ida::utcDateTime(at));
    return o;
}

Object::Ptr electronicRecord(const std::string& recordType, std::int64_t at) {
    Object::Ptr record = new Object;
    record->set("type", recordType);
    Object::Ptr source = new Object;
    source->set("country_code", "GBR");
    record->set("source", source);
    Array::Ptr checks = new Array;
    checks->add(checked("data", at));
    Object::Ptr e = new Object;
    e->set("type", "electronic_record");
    e->set("time", ida::utcDateTime(at));
    e->set("check_details", checks);
    e->set("record", record);
    return e;
}

// The register's row for `key` whose `idColumn` is `id`, or nullopt (none, or no answer).
std::optional<infra::RegisterRecord> registerRow(infra::RegisterConnector& reg, const std::string& key,
                                                 std::string_view idColumn, const std::string& id) {
    if (id.empty()) return std::nullopt;
    auto rows = reg.lookup(key);
    if (!rows) return std::nullopt;
    for (auto& row : *rows)
        if (field(row, idColumn) == id) return std::move(row);
    return std::nullopt;
}

std::string personRefOf(const Evidence& e) {
    try {
        auto o = Poco::JSON::Parser().parse(e.details).extract<Object::Ptr>();
        return o ? o->optValue<std::string>("personRef", "") : std::string();
    } catch (const std::exception&) {
        return {};
    }
}

void addVitalRecordClaims(RegisterSet& registers, const Account& account, const Evidence& e, Object& claims) {
    const auto dateOfBirth = parseIsoDate(account.dateOfBirth);
    if (!dateOfBirth) return;
    const auto row = registerRow(registers.vitalRecords(), infra::registers::vitalRecordKey(*dateOfBirth),
                                 column::kPersonRef, personRefOf(e));
    if (!row) return;
    for (const auto& [claim, col] : {std::pair{"given_name", column::kGivenNames},
                                     std::pair{"family_name", column::kFamilyName},
                                     std::pair{"birthdate", column::kDateOfBirth}})
        if (const std::string value = field(*row, col); !value.empty()) claims.set(claim, value);
}

void addAddressClaim(RegisterSet& registers, const Account& account, const Evidence& e, Object& claims) {
    if (account.address.postcode.empty()) return;
    const auto row = registerRow(registers.addresses(), infra::registers::addressKey(account.address.postcode),
                                 column::kUprn, e.reference);
    if (!row) return;
    claims.set("address", addressClaim({field(*row, column::kLine1), field(*row, column::kLine2),
                                        field(*row, column::kTown), field(*row, column::kPostcode)}));
}

// A document a reviewer approved: its type, issuing country and expiry (never its number).
Object::Ptr reviewedDocument(ApplicationStore& applications, const Evidence& e) {
    Array::Ptr checks = new Array;
    checks->add(checked("vri", e.verifiedAt));  // the reviewer inspected photos of the document
    if (e.kind == EvidenceKind::DocumentReview)
        checks->add(checked("pvr", e.verifiedAt));  // and compared the selfie video with it
    Object::Ptr out = new Object;
    out->set("type", "document");
    out->set("time", ida::utcDateTime(e.verifiedAt));
    if (auto d = applications.document(e.reference)) {
        try {
            auto result = d->registerResult.empty()
                              ? Object::Ptr()
                              : Poco::JSON::Parser().parse(d->registerResult).extract<Object::Ptr>();
            if (result && result->optValue<std::string>("status", "") == "valid")
                checks->add(checked("data", e.verifiedAt));  // the document register holds it as valid
        } catch (const std::exception&) {
            // An unreadable register answer vouches for nothing.
        }
        Object::Ptr details = new Object;
        if (const auto type = ida::documentType(d->documentType); !type.empty()) details->set("type", type);
        if (!d->issuingCountry.empty()) {
            Object::Ptr issuer = new Object;
            issuer->set("country_code", d->issuingCountry);
            details->set("issuer", issuer);
        }
        if (!d->expiryDate.empty()) details->set("date_of_expiry", d->expiryDate);
        out->set("document_details", details);
    }
    out->set("check_details", checks);
    return out;
}

}  // namespace

std::optional<VerifiedIdentity> VerifiedIdentities::of(const Account& account) {
    if (!ctx_.verification) return std::nullopt;
    const auto& policy = ctx_.verification->policy;
    const std::int64_t now = ctx_.clock.now();
    std::vector<Evidence> active;
    for (auto& e : EvidenceStore(ctx_.db, ctx_.dataKey).forAccount(account.id))
        if (e.activeAt(now)) active.push_back(std::move(e));
    VerifiedIdentity out;
    // Oldest first; evidence verified in the same second in the order of the journey.
    std::stable_sort(active.begin(), active.end(), [](const Evidence& a, const Evidence& b) {
        return a.verifiedAt != b.verifiedAt ? a.verifiedAt < b.verifiedAt : a.kind < b.kind;
    });
    out.level = policy.levelFor(active);
    if (out.level == Loa::Loa0) return std::nullopt;
    out.assuranceLevel = policy.acrFor(out.level);

    RegisterSet& registers = *ctx_.verification->registers;
    ApplicationStore applications(ctx_.db, ctx_.dataKey);
    for (const auto& e : active) {
        out.verifiedAt = std::max(out.verifiedAt, e.verifiedAt);
        switch (e.kind) {
            case EvidenceKind::VitalRecord:
                out.evidence->add(electronicRecord("birth_register", e.verifiedAt));
                addVitalRecordClaims(registers, account, e, *out.claims);
                break;
            case EvidenceKind::Address:
                out.evidence->add(electronicRecord("address_register", e.verifiedAt));
                addAddressClaim(registers, account, e, *out.claims);
                break;
            case EvidenceKind::KnownFact:
                out.evidence->add(electronicRecord(ida::knownFactRecordType(e.reference), e.verifiedAt));
                break;
            case EvidenceKind::PhotoReview:
            case EvidenceKind::DocumentReview: out.evidence->add(reviewedDocument(applications, e)); break;
            case EvidenceKind::AdminOverride: break;
        }
    }
    return out;
}

}  // namespace tessera::core::oidc
