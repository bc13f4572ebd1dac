#pragma once
// Test data for verified identity in OpenID Connect (verified_claims, configured acr values):
//  - testVerificationParts: the assurance policy, the test registers of VerificationBuilders'
//    people (loaded from their CSV text) and a blob store, as the composition root builds them;
//  - verifyThroughRegisters: a citizen taken to LoA 1 (and LoA 2 with the council tax
//    reference) through the real register checks (IdentityChecks);
//  - verifiedClaimsParameter: a claims parameter asking for verified_claims.
#include <memory>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/verification/VerificationParts.h"
#include "support/VerificationBuilders.h"

namespace tessera::test {

// `policy` with the given acr values (LoA 0..3), the default rules.
core::AssurancePolicy policyWithAcrs(const std::vector<std::string>& acrs);
// Registers of moragCampbell(), williamFraser() and catrionaMacdonald(); blobs under `blobDir`.
std::unique_ptr<core::VerificationParts> testVerificationParts(const core::Context& ctx, const std::string& blobDir,
                                                               core::AssurancePolicy policy = {});

// Vital record and address matched (LoA 1); with `knownFact`, the council tax reference too
// (LoA 2). Throws when a check does not match.
void verifyThroughRegisters(core::Context& ctx, core::VerificationParts& parts, const std::string& accountId,
                            const TestPerson& person, bool knownFact = true);

// {"<member>": {"verified_claims": {"verification": <verification>, "claims": {<claims>: null}}}}
std::string verifiedClaimsParameter(const std::vector<std::string>& claims,
                                    const std::string& verification = R"({"trust_framework":null})",
                                    const std::string& member = "userinfo");

}  // namespace tessera::test
