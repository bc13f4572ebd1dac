#include "support/AssuranceOidcBuilders.h"

#include <stdexcept>

#include "core/verification/IdentityChecks.h"
#include "infra/registers/CsvRegister.h"
#include "support/Paths.h"

namespace tessera::test {

namespace {

template <class T>
T orThrow(Result<T> r, const std::string& what) {
    if (!r) throw std::runtime_error(what + ": " + r.error().message);
    return std::move(r).value();
}

std::unique_ptr<infra::RegisterConnector> csvRegister(infra::RegisterKind kind, const std::string& csv) {
    return orThrow(infra::CsvRegister::parse(kind, csv, "test " + std::string(infra::toString(kind))), "test register");
}

void requireMatched(const Result<core::CheckOutcome>& r, const std::string& what) {
    if (!r) throw std::runtime_error(what + ": " + r.error().code + ": " + r.error().message);
    if (r->outcome != core::MatchOutcome::Matched)
        throw std::runtime_error(what + " did not match: " + std::string(core::toString(r->outcome)));
}

}  // namespace

core::AssurancePolicy policyWithAcrs(const std::vector<std::string>& acrs) {
    if (acrs.size() != 4) throw std::invalid_argument("policyWithAcrs: four acr values");
    return orThrow(core::AssurancePolicy::parse({"vital_record+address", "loa1+known_fact|loa1+photo_review",
                                                 "loa1+document_review"},
                                                {acrs[0], acrs[1], acrs[2], acrs[3]}),
                   "policy");
}

std::unique_ptr<core::VerificationParts> testVerificationParts(const core::Context& ctx, const std::string& blobDir,
                                                               core::AssurancePolicy policy) {
    auto parts = std::make_unique<core::VerificationParts>();
    parts->policy = std::move(policy);
    parts->registers = std::make_unique<core::RegisterSet>(
        csvRegister(infra::RegisterKind::VitalRecords, vitalRecordsCsv()),
        csvRegister(infra::RegisterKind::Addresses, addressesCsv()),
        csvRegister(infra::RegisterKind::KnownFacts, knownFactsCsv()),
        csvRegister(infra::RegisterKind::Documents, documentsCsv()),
        orThrow(core::NameVariants::load(resourcesDir() + "/registers/name-variants.csv"), "name variants"));
    parts->blobs = std::make_unique<infra::BlobStore>(blobDir + "/blobs", ctx.dataKey);
    return parts;
}

void verifyThroughRegisters(core::Context& ctx, core::VerificationParts& parts, const std::string& accountId,
                            const TestPerson& person, bool knownFact) {
    core::IdentityChecks checks(ctx, *parts.registers, parts.policy);
    const core::Actor citizen{accountId, "127.0.0.1"};
    requireMatched(checks.matchIdentity(citizen, vitalRecordClaim(person)), "vital record");
    requireMatched(checks.matchAddress(citizen, addressClaim(person)), "address");
    if (knownFact)
        requireMatched(checks.checkKnownFact(citizen, "council_tax_reference", person.councilTaxReference),
                       "council tax reference");
}

std::string verifiedClaimsParameter(const std::vector<std::string>& claims, const std::string& verification,
                                    const std::string& member) {
    std::string names;
    for (const auto& c : claims) names += (names.empty() ? "\"" : ",\"") + c + "\":null";
    return R"({")" + member + R"(":{"verified_claims":{"verification":)" + verification + R"(,"claims":{)" + names +
           "}}}}";
}

}  // namespace tessera::test
