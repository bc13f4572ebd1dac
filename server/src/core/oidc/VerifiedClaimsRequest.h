#pragma once
// A service's request for verified_claims (OpenID Connect for Identity Assurance 1.0 §5.5,
// §6), in the `claims` parameter's userinfo or id_token member: one object, or an array of
// them, each with
//   verification: what the service wants to know of how the identity was verified — the
//     members it names are returned, nothing else (trust_framework always); trust_framework
//     and assurance_level may carry value/values the answer must meet, time a max_age;
//     evidence an array of filters by type ({"type": {"value": "document"}}) that are also
//     templates of the members wanted in each piece of evidence;
//   claims: the verified claims wanted, each null or {essential, purpose, value, values}.
// The front channel checks the shape strictly, so a service learns of a mistake at once
// (Invalid "invalid_request" naming what is wrong); the back channel reads the stored
// request again.
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

inline constexpr std::size_t kMaxVerifiedClaimsRequests = 8;  // objects in one verified_claims array

struct VerifiedClaimsQuery {
    Poco::JSON::Object::Ptr verification;  // as sent
    Poco::JSON::Object::Ptr claims;        // as sent: claim name -> null or a claim request
    std::vector<std::string> claimNames;   // the names in `claims`
};

struct VerifiedClaimsRequest {
    std::vector<VerifiedClaimsQuery> queries;
    bool asArray = false;  // sent as an array: answered as one (of the queries that can be met)
};

// Checks a verified_claims request as the claims parameter carries it.
Status checkVerifiedClaimsRequest(const Poco::Dynamic::Var& request);
// The request in `member` ("userinfo" or "id_token") of a stored claims parameter; nullopt
// when it has none (or the text no longer reads as one: it asks for nothing).
std::optional<VerifiedClaimsRequest> verifiedClaimsRequestIn(const std::string& claimsRequest,
                                                             const std::string& member);
// The claim names any verified_claims request in the claims parameter asks for, once each
// (for the consent page).
std::vector<std::string> verifiedClaimNamesIn(const std::string& claimsRequest);

}  // namespace tessera::core::oidc
