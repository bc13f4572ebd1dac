#pragma once
// The verified_claims a service receives (OpenID Connect for Identity Assurance 1.0): for each
// request it made (VerifiedClaimsRequest.h) and what Tessera vouches for (VerifiedIdentity.h),
//   {"verification": {"trust_framework": ..., <the members it asked for>},
//    "claims": {<the verified claims it asked for>}}.
// Following OIDC4IA §6.5 ("returning less data than requested"): the OP sends nothing it was
// not asked for; a claim it cannot vouch for is left out; a request whose trust_framework or
// assurance_level constraint (value/values) or verification.time max_age cannot be met is
// left out whole, as is one with no claim left (claims must not be empty). A citizen at LoA 0
// gets no verified_claims at all: the claim is omitted, never sent empty. Released only when
// the citizen consented to verified_claims (ReleasedClaims.h).
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/oidc/VerifiedClaimsRequest.h"
#include "core/oidc/VerifiedIdentity.h"

namespace tessera::core::oidc {

// The answer to `request`: an object (or an array, when the request was one), or an empty Var
// when nothing can be answered.
// Only claims whose detail the citizen consented to (claims::verifiedDetail) are answered.
Poco::Dynamic::Var answerVerifiedClaims(const VerifiedClaimsRequest& request, const VerifiedIdentity& identity,
                                        const std::vector<std::string>& consented, const std::string& trustFramework,
                                        std::int64_t now);

class VerifiedClaims {
public:
    explicit VerifiedClaims(Context& ctx) : ctx_(ctx) {}

    // Sets verified_claims on `out` when the grant's claims request asks for it in `member`
    // ("userinfo" or "id_token") and there is something to answer. The caller checks the
    // consent to verified_claims; `consented` (the grant's claims) decides the details.
    void addTo(Poco::JSON::Object& out, const Account& account, const std::string& claimsRequest,
               const std::string& member, const std::vector<std::string>& consented);

private:
    Context& ctx_;
};

}  // namespace tessera::core::oidc
