#pragma once
// What Tessera can vouch for about a citizen's identity now, in the terms of OpenID Connect
// for Identity Assurance (IdentityAssurance.h): the level their active evidence gives and its
// acr value, when the newest of that evidence was verified, each piece of evidence as an
// OIDC4IA evidence object, and the claims the register matches verified:
//  - given_name, family_name and birthdate: the vital-records register's entry for the person
//    the match linked to the account (found again by the account's date of birth and the
//    person reference the match recorded);
//  - address: the address register's entry for the matched UPRN, found by the account's
//    postcode. A profile address (or date of birth) changed since the match no longer leads
//    to the verified entry, so that claim is no longer vouched for.
// A register that cannot answer leaves its claims out (never a guess). Admin overrides raise
// the level but are not evidence a service can weigh, so they are not listed.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "tessera/shared/Loa.h"

namespace tessera::core::oidc {

struct VerifiedIdentity {
    Loa level = Loa::Loa0;
    std::string assuranceLevel;                                   // the level's acr value
    std::int64_t verifiedAt = 0;                                  // newest active evidence
    Poco::JSON::Array::Ptr evidence = new Poco::JSON::Array;     // evidence objects, oldest first
    Poco::JSON::Object::Ptr claims = new Poco::JSON::Object;     // verified claim -> value
};

class VerifiedIdentities {
public:
    explicit VerifiedIdentities(Context& ctx) : ctx_(ctx) {}

    // nullopt for a citizen at LoA 0, and when identity verification is not set up here
    // (ctx.verification is null).
    std::optional<VerifiedIdentity> of(const Account& account);

private:
    Context& ctx_;
};

}  // namespace tessera::core::oidc
