#pragma once
// Which of a citizen's claims a service receives, and where (OpenID Connect Core §5.4, §5.5).
// A claim is released only if the citizen consented to it (the grant's claims) AND the
// request asked for it: at the userinfo endpoint through a granted scope (profile, email,
// address, phone) or the `claims` parameter's userinfo member; in the ID token only through
// the `claims` parameter's id_token member, so that personal data travels in ID tokens only
// when a service explicitly asks for it there.
#include <string>
#include <vector>

namespace tessera::core::oidc::claims {

// The standard claims a scope stands for (§5.4); none for openid, offline_access or others.
const std::vector<std::string>& forScope(const std::string& scope);
// The claim names in the `claims` request parameter's member (`userinfo` or `id_token`),
// in the order given; none when the text is empty, not JSON or lacks the member.
std::vector<std::string> requestedIn(const std::string& claimsRequest, const std::string& member);

// Consented claims the userinfo endpoint returns for an access token with `scopes`.
std::vector<std::string> forUserInfo(const std::vector<std::string>& consented, const std::vector<std::string>& scopes,
                                     const std::string& claimsRequest);
// Consented claims the ID token carries.
std::vector<std::string> forIdToken(const std::vector<std::string>& consented, const std::string& claimsRequest);

// verified_claims (OpenID Connect for Identity Assurance) is consented to as a whole ("that your
// identity was verified, and how") and claim by claim inside it: the consent to `claim` inside
// verified_claims is "verified_<claim>" ("verified_given_name"), so a service that asks for a
// verified detail the citizen has not agreed to is asked again.
std::string verifiedDetail(const std::string& claim);
// The consents to the verified details a claims request asks for (those Tessera can vouch for).
std::vector<std::string> verifiedDetailsAskedIn(const std::string& claimsRequest);

}  // namespace tessera::core::oidc::claims
